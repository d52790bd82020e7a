package dev.truss.application.port.storage;

import dev.truss.domain.id.CreatorId;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.platform.PendingAuthorization;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A creator's connected platform accounts, one per platform, tokens sealed; and the OAuth
 * consents under way that will become connections.
 */
public interface PlatformConnectionStore {

    /** Connects, or replaces the connection to the same platform (a reconnect refreshes the grant). */
    void save(PlatformConnection connection);

    /**
     * Replaces the connection only while there is one (fresh tokens after a refresh): a creator
     * who disconnected meanwhile stays disconnected. {@link WriteResult.Missing} then.
     */
    WriteResult<PlatformConnection> replace(PlatformConnection connection);

    Optional<PlatformConnection> find(CreatorId creator, Platform platform);

    /**
     * Every connection of the creator as saved, sealed tokens included (a token refresh needs
     * them); use cases strip them with {@link PlatformConnection#withoutTokens()} before a client sees them.
     */
    List<PlatformConnection> list(CreatorId creator);

    WriteResult<PlatformConnection> delete(CreatorId creator, Platform platform);

    /** Keeps a consent under way until it is consumed or expires. */
    void savePending(PendingAuthorization pending);

    /**
     * Removes and returns the consent with this state, if it has not expired: at most once, so of
     * two callbacks with the same state (a replay) exactly one finds it.
     */
    Optional<PendingAuthorization> consumePending(TokenHash state, Instant now);
}
