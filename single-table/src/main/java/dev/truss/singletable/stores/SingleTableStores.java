package dev.truss.singletable.stores;

import dev.truss.application.TrussCore;
import dev.truss.singletable.Table;

/** Every storage port of the core on one {@link Table}: what bootstrap wires on DynamoDB or SQLite. */
public final class SingleTableStores {

    private static final EntityCodec CODEC = new EntityCodec(); // thread-safe, and costly to build

    private SingleTableStores() {
    }

    /**
     * @param clipShards how many partitions each creator's clips are spread over; fixed for the
     *     table's life (1 keeps every listing one request; see {@code ShardedClips})
     */
    public static TrussCore.Stores on(Table table, int clipShards) {
        Items items = new Items(table, CODEC);
        return new TrussCore.Stores(
                new TableCreatorStore(items),
                new TableAssetStore(items),
                new TableClipStore(items, clipShards),
                new TableStreamStore(items),
                new TableAnalyticsStore(items),
                new TableConnectionStore(items),
                new TablePublicationStore(items),
                new TableMagicLinkStore(items),
                new TableSessionStore(items),
                new TableJobStore(items));
    }
}
