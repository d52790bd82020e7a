package dev.truss.application.publishing;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Pkce;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import dev.truss.domain.platform.SealedSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects a platform account by OAuth: {@link #begin} gives the platform's consent page, with
 * a state that is sealed, bound to the creator and expires; {@link #complete} checks that state,
 * trades the code for tokens and stores them sealed.
 */
public final class ConnectPlatform {

    public static final Duration STATE_VALIDITY = Duration.ofMinutes(10);

    private final Map<Platform, PlatformAuthorizer> authorizers;
    private final PlatformConnectionStore connections;
    private final SecretSealer sealer;
    private final Clock clock;

    public ConnectPlatform(List<PlatformAuthorizer> authorizers, PlatformConnectionStore connections,
                           SecretSealer sealer, Clock clock) {
        this.authorizers = Map.copyOf(authorizers.stream().collect(
                java.util.stream.Collectors.toMap(PlatformAuthorizer::platform, a -> a)));
        this.connections = connections;
        this.sealer = sealer;
        this.clock = clock;
    }

    public Outcome<URI> begin(CreatorId creator, Platform platform, URI redirect) {
        PlatformAuthorizer authorizer = authorizers.get(platform);
        if (authorizer == null) {
            return Outcome.rejected(platform.slug() + " is not configured on this server");
        }
        Instant expires = clock.instant().plus(STATE_VALIDITY);
        Pkce pkce = Pkce.generate();
        String state = sealer.seal(creator + "|" + platform + "|" + expires.toEpochMilli() + "|" + pkce.verifier())
                .ciphertext();
        return Outcome.ok(authorizer.authorizationUrl(
                new PlatformAuthorizer.AuthorizationRequest(state, pkce.challenge(), redirect)));
    }

    public Outcome<PlatformConnection> complete(CreatorId creator, Platform platform, String code, String state,
                                                URI redirect) {
        PlatformAuthorizer authorizer = authorizers.get(platform);
        if (authorizer == null) {
            return Outcome.rejected(platform.slug() + " is not configured on this server");
        }
        Optional<String> verifier = verifier(state, creator, platform);
        if (verifier.isEmpty()) {
            return Outcome.rejected("this authorisation was not started here, was for someone else, or took longer "
                    + "than " + STATE_VALIDITY.toMinutes() + " minutes; connect again");
        }
        OAuthGrant grant;
        try {
            grant = authorizer.exchange(code, verifier.get(), redirect);
        } catch (PlatformException refused) {
            return Outcome.rejected(platform.slug() + " refused the authorisation: " + refused.getMessage());
        }
        PlatformConnection connection = new PlatformConnection(creator, platform, grant.accountId(),
                grant.accountName(), grant.scopes(), grant.expiresAt(), clock.instant(),
                Optional.of(PlatformTokens.of(grant).seal(sealer)));
        connections.save(connection);
        return Outcome.ok(connection.withoutTokens());
    }

    private Optional<String> verifier(String state, CreatorId creator, Platform platform) {
        try {
            String[] parts = sealer.unseal(new SealedSecret(state)).split("\\|");
            return parts.length == 4 && parts[0].equals(creator.value()) && parts[1].equals(platform.name())
                    && clock.instant().toEpochMilli() < Long.parseLong(parts[2])
                    ? Optional.of(parts[3]) : Optional.empty();
        } catch (RuntimeException forgedOrGarbled) {
            return Optional.empty();
        }
    }
}
