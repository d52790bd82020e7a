package dev.truss.application.publishing;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.Pkce;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.platform.WebhookConnector;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.PendingAuthorization;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects a platform account. By OAuth: {@link #begin} stores a consent under way (a random
 * single-use {@code state}, bound to the creator, their login session and the redirect, with a
 * sealed PKCE verifier) and gives the platform's consent page; {@link #complete} consumes that
 * state once, checks it belongs to this creator and session, and trades the code, proving the
 * verifier. A forged, replayed, expired or foreign state is refused. Or by a webhook the creator
 * pasted ({@link #connectWebhook}), checked with the platform. Tokens are stored sealed.
 */
public final class ConnectPlatform {

    public static final Duration STATE_VALIDITY = Duration.ofMinutes(10);

    private final Map<Platform, PlatformAuthorizer> authorizers;
    private final Map<Platform, WebhookConnector> webhooks;
    private final PlatformConnectionStore connections;
    private final SecretSealer sealer;
    private final Clock clock;
    private final SecureRandom random;

    public ConnectPlatform(List<PlatformAuthorizer> authorizers, List<WebhookConnector> webhooks,
                           PlatformConnectionStore connections, SecretSealer sealer, Clock clock, SecureRandom random) {
        this.authorizers = Platforms.byPlatform(authorizers, PlatformAuthorizer::platform);
        this.webhooks = Platforms.byPlatform(webhooks, WebhookConnector::platform);
        this.connections = connections;
        this.sealer = sealer;
        this.clock = clock;
        this.random = random;
    }

    /** The platform's consent page for this creator, in the login session {@code session}. */
    public Outcome<URI> begin(CreatorId creator, TokenHash session, Platform platform, URI redirect) {
        PlatformAuthorizer authorizer = authorizers.get(platform);
        if (authorizer == null) {
            return Outcome.rejected(notOffered(platform));
        }
        SecretToken state = SecretToken.generate(random);
        Pkce pkce = Pkce.generate();
        connections.savePending(new PendingAuthorization(state.hash(), creator, session, platform, redirect,
                sealer.seal(pkce.verifier()), clock.instant().plus(STATE_VALIDITY)));
        return Outcome.ok(authorizer.authorizationUrl(
                new PlatformAuthorizer.AuthorizationRequest(state.value(), pkce.challenge(), redirect)));
    }

    /** Trades the code the platform sent back with {@code state}; the state works once. */
    public Outcome<PlatformConnection> complete(CreatorId creator, TokenHash session, Platform platform, String code,
                                                String state, URI redirect) {
        PlatformAuthorizer authorizer = authorizers.get(platform);
        if (authorizer == null) {
            return Outcome.rejected(notOffered(platform));
        }
        Instant now = clock.instant();
        Optional<PendingAuthorization> pending = hashOf(state).flatMap(hash -> connections.consumePending(hash, now))
                .filter(found -> found.belongsTo(creator, session, platform, redirect));
        if (pending.isEmpty()) {
            return Outcome.rejected("this authorisation was not started here, was for someone else, was used"
                    + " already or took longer than " + STATE_VALIDITY.toMinutes() + " minutes; connect again");
        }
        OAuthGrant grant;
        try {
            grant = authorizer.exchange(code, sealer.unseal(pending.get().codeVerifier()), redirect);
        } catch (PlatformException refused) {
            return Outcome.rejected(platform.slug() + " refused the authorisation: " + refused.getMessage());
        }
        return Outcome.ok(save(creator, platform, grant));
    }

    /** Connects the channel of a webhook the creator pasted (Discord); the URL is kept sealed. */
    public Outcome<PlatformConnection> connectWebhook(CreatorId creator, Platform platform, URI webhookUrl) {
        WebhookConnector connector = webhooks.get(platform);
        if (connector == null) {
            return Outcome.rejected(platform.slug() + " is not connected by a webhook URL on this server");
        }
        try {
            return Outcome.ok(save(creator, platform, connector.connect(webhookUrl)));
        } catch (PlatformException refused) {
            return Outcome.rejected(refused.getMessage());
        }
    }

    private PlatformConnection save(CreatorId creator, Platform platform, OAuthGrant grant) {
        PlatformConnection connection = new PlatformConnection(creator, platform, grant.accountId(),
                grant.accountName(), grant.scopes(), grant.expiresAt(), clock.instant(),
                Optional.of(PlatformTokens.of(grant).seal(sealer)));
        connections.save(connection);
        return connection.withoutTokens();
    }

    /** The hash a well-formed state is stored by; nothing for anything else (a forgery). */
    private static Optional<TokenHash> hashOf(String state) {
        try {
            return Optional.of(new SecretToken(state).hash());
        } catch (InvalidValueException notOurs) {
            return Optional.empty();
        }
    }

    private static String notOffered(Platform platform) {
        return platform.slug() + " is not configured on this server";
    }
}
