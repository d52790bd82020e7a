package dev.truss.application.fake;

import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.platform.PendingAuthorization;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import java.util.EnumMap;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Platform connections in memory: one per creator and platform, tokens kept as saved; consents under way. */
public final class InMemoryPlatformConnectionStore implements PlatformConnectionStore {

    private final Map<CreatorId, Map<Platform, PlatformConnection>> connections = new HashMap<>();
    private final Map<TokenHash, PendingAuthorization> pending = new HashMap<>();

    @Override
    public synchronized void save(PlatformConnection connection) {
        connectionsOf(connection.creatorId()).put(connection.platform(), connection);
    }

    @Override
    public synchronized WriteResult<PlatformConnection> replace(PlatformConnection connection) {
        Map<Platform, PlatformConnection> mine = connectionsOf(connection.creatorId());
        if (!mine.containsKey(connection.platform())) {
            return new WriteResult.Missing<>();
        }
        mine.put(connection.platform(), connection);
        return new WriteResult.Written<>(connection);
    }

    @Override
    public synchronized Optional<PlatformConnection> find(CreatorId creator, Platform platform) {
        return Optional.ofNullable(connectionsOf(creator).get(platform));
    }

    @Override
    public synchronized List<PlatformConnection> list(CreatorId creator) {
        return List.copyOf(connectionsOf(creator).values());
    }

    @Override
    public synchronized WriteResult<PlatformConnection> delete(CreatorId creator, Platform platform) {
        return Rows.delete(connectionsOf(creator), platform);
    }

    @Override
    public synchronized void savePending(PendingAuthorization authorization) {
        pending.put(authorization.state(), authorization);
    }

    @Override
    public synchronized Optional<PendingAuthorization> consumePending(TokenHash state, Instant now) {
        return Optional.ofNullable(pending.remove(state)).filter(found -> !found.isExpiredAt(now));
    }

    private Map<Platform, PlatformConnection> connectionsOf(CreatorId creator) {
        return connections.computeIfAbsent(creator, any -> new EnumMap<>(Platform.class));
    }
}
