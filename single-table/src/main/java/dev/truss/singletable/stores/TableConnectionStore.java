package dev.truss.singletable.stores;

import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.util.List;
import java.util.Optional;

/** Connections at {@code CREATOR#<id> / PLATFORM#<platform>}; tokens arrive sealed and stay so. */
final class TableConnectionStore implements PlatformConnectionStore {

    private final Items items;

    TableConnectionStore(Items items) {
        this.items = items;
    }

    @Override
    public void save(PlatformConnection connection) {
        items.table().put(items.item(Keys.connection(connection.creatorId(), connection.platform()), connection),
                Expect.anything());
    }

    @Override
    public Optional<PlatformConnection> find(CreatorId creator, Platform platform) {
        return items.find(Keys.connection(creator, platform), PlatformConnection.class);
    }

    @Override
    public List<PlatformConnection> list(CreatorId creator) {
        Query all = Query.table(Keys.creator(creator), SortKeyRange.beginsWith(Keys.PLATFORM_PREFIX), false,
                Platform.values().length);
        return Paging.readAll(items.table(), all).stream()
                .map(item -> items.entity(item, PlatformConnection.class))
                .sorted((a, b) -> a.platform().compareTo(b.platform()))
                .toList();
    }

    @Override
    public WriteResult<PlatformConnection> delete(CreatorId creator, Platform platform) {
        return items.delete(Keys.connection(creator, platform), PlatformConnection.class);
    }
}
