package dev.truss.application.publishing;

import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.PlatformConnection;
import java.util.List;

/** A creator's connected accounts, without the token material. */
public final class ListConnections {

    private final PlatformConnectionStore connections;

    public ListConnections(PlatformConnectionStore connections) {
        this.connections = connections;
    }

    public List<PlatformConnection> execute(CreatorId creator) {
        return connections.list(creator).stream().map(PlatformConnection::withoutTokens).toList();
    }
}
