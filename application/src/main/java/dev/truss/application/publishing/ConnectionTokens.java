package dev.truss.application.publishing;

import dev.truss.application.job.PermanentJobFailure;
import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection's access token for a call to its platform: refreshed ahead of expiry (an upload can
 * take minutes), and once more if the platform rejects it anyway (revoked keys, clock skew), with
 * the fresh tokens sealed and saved. A token rejected again after a refresh means the creator must
 * connect again: that is permanent.
 */
final class ConnectionTokens {

    /** Tokens expiring sooner than this are refreshed before a call starts. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /** A call to a platform with an access token. */
    @FunctionalInterface
    interface Call<T> {
        T with(AccessToken token);
    }

    private final PlatformConnectionStore connections;
    private final Map<Platform, PlatformAuthorizer> authorizers;
    private final SecretSealer sealer;
    private final Clock clock;

    ConnectionTokens(PlatformConnectionStore connections, List<PlatformAuthorizer> authorizers, SecretSealer sealer,
                     Clock clock) {
        this.connections = connections;
        this.authorizers = Platforms.byPlatform(authorizers, PlatformAuthorizer::platform);
        this.sealer = sealer;
        this.clock = clock;
    }

    /** The creator's connection to the platform, with its tokens. */
    PlatformConnection connection(CreatorId creator, Platform platform) throws PermanentJobFailure {
        return connections.find(creator, platform).filter(c -> c.tokens().isPresent())
                .orElseThrow(() -> new PermanentJobFailure(platform.slug() + " was disconnected; connect it again"));
    }

    /** Makes the call with a fresh-enough token; on a rejected token, refreshes once and calls once more. */
    <T> T call(CreatorId creator, Platform platform, Call<T> call) throws PermanentJobFailure {
        try {
            return call.with(tokens(creator, platform, false).access());
        } catch (PlatformException rejected) {
            if (rejected.failure() != PlatformException.Failure.TOKEN_REJECTED) {
                throw rejected;
            }
        }
        try {
            return call.with(tokens(creator, platform, true).access());
        } catch (PlatformException stillRejected) {
            if (stillRejected.failure() == PlatformException.Failure.TOKEN_REJECTED) {
                throw new PermanentJobFailure(platform.slug() + " rejected Truss's authorisation even after refreshing"
                        + " it (" + stillRejected.getMessage() + "); connect " + platform.slug() + " again");
            }
            throw stillRejected;
        }
    }

    /** The tokens, refreshed when they expire within {@link #REFRESH_MARGIN} or when {@code force}d. */
    private PlatformTokens tokens(CreatorId creator, Platform platform, boolean force) throws PermanentJobFailure {
        PlatformConnection connection = connection(creator, platform);
        PlatformTokens tokens = PlatformTokens.unseal(connection.tokens().get(), sealer);
        if (!force && !connection.isExpiredAt(clock.instant().plus(REFRESH_MARGIN))) {
            return tokens;
        }
        PlatformAuthorizer authorizer = authorizers.get(platform);
        if (authorizer == null || tokens.refresh().isEmpty()) {
            throw new PermanentJobFailure("the " + platform.slug() + " authorisation " + (force ? "was refused"
                    : "expired") + "; connect it again");
        }
        OAuthGrant grant;
        try {
            grant = authorizer.refresh(tokens.refresh().get());
        } catch (PlatformException refused) {
            if (refused.retryable()) {
                throw refused;
            }
            // Platforms that rotate refresh tokens refuse the old one once another job has refreshed:
            // then that job's tokens, saved meanwhile, are the ones to use.
            Optional<PlatformConnection> now = connections.find(creator, platform).filter(c -> c.tokens().isPresent());
            if (now.isPresent() && !now.get().tokens().equals(connection.tokens())) {
                return PlatformTokens.unseal(now.get().tokens().get(), sealer);
            }
            throw new PermanentJobFailure(platform.slug() + " no longer accepts Truss's authorisation ("
                    + refused.getMessage() + "); connect it again");
        }
        PlatformTokens fresh = new PlatformTokens(grant.accessToken(), grant.refreshToken().or(tokens::refresh));
        WriteResult<PlatformConnection> saved = connections.replace(new PlatformConnection(creator, platform,
                connection.accountId(), connection.accountName(),
                grant.scopes().isEmpty() ? connection.scopes() : grant.scopes(), grant.expiresAt(),
                connection.connectedAt(), Optional.of(fresh.seal(sealer))));
        if (saved instanceof WriteResult.Missing<PlatformConnection>) { // disconnected while this job refreshed
            throw new PermanentJobFailure(platform.slug() + " was disconnected; connect it again");
        }
        return fresh;
    }
}
