package dev.truss.application.publishing;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;

/** Forgets a platform account and its tokens. */
public final class DisconnectPlatform {

    private final PlatformConnectionStore connections;

    public DisconnectPlatform(PlatformConnectionStore connections) {
        this.connections = connections;
    }

    public Outcome<PlatformConnection> execute(CreatorId creator, Platform platform) {
        WriteResult<PlatformConnection> deleted = connections.delete(creator, platform);
        return deleted instanceof WriteResult.Missing<PlatformConnection>
                ? Outcome.notFound(platform.slug() + " is not connected")
                : Outcome.of(deleted, "the connection").map(PlatformConnection::withoutTokens);
    }
}
