package dev.truss.singletable.stores;

import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.StartKey;
import dev.truss.singletable.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A creator's clips spread over {@code count} partitions ({@code CREATOR#<id>#CLIPS#<shard>}),
 * the shard picked from the clip id, so a creator with very many clips is not one hot key.
 * Every shard sorts by the same key ({@code CLIP#<ULID>}, creation time), so the newest-first
 * listing is a k-way merge: each shard is read from the same position (the last clip handed out,
 * which is where every shard resumes) for up to a page + 1, and the merged page is exactly the
 * page of the unsharded order. A page costs one query per shard, sent at the same time (so
 * it takes about as long as one), and reads at most {@code count × (limit + 1)} items. The
 * count is fixed for a table's life: changing it moves clips to other partitions.
 */
final class ShardedClips {

    private static final Comparator<Item> NEWEST_FIRST =
            Comparator.comparing((Item item) -> item.key().sk()).reversed();

    /** Sends the shards' queries side by side; daemon threads, so they never keep a JVM alive. */
    private static final ExecutorService QUERIES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "truss-shard-query");
        thread.setDaemon(true);
        return thread;
    });

    private final Table table;
    private final int count;

    ShardedClips(Table table, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("clips need at least one shard, got " + count);
        }
        this.table = table;
        this.count = count;
    }

    Key key(CreatorId creator, ClipId clip) {
        return Keys.clip(creator, clip, count);
    }

    Page<Item> newestFirst(CreatorId creator, PageRequest request) {
        Optional<String> after = request.after().map(ShardedClips::checkedPosition);
        List<CompletableFuture<List<Item>>> shards = new ArrayList<>();
        for (int shard = 0; shard < count; shard++) {
            String partition = Keys.clipShard(creator, shard);
            Query query = Query.table(partition, SortKeyRange.beginsWith(Keys.CLIP_PREFIX), true, request.limit() + 1)
                    .after(after.map(sk -> new StartKey(new Key(partition, sk), Optional.empty())));
            shards.add(count == 1
                    ? CompletableFuture.completedFuture(Paging.read(table, query, request.limit() + 1))
                    : CompletableFuture.supplyAsync(() -> Paging.read(table, query, request.limit() + 1), QUERIES));
        }
        List<Item> merged = new ArrayList<>();
        for (CompletableFuture<List<Item>> shard : shards) {
            merged.addAll(join(shard));
        }
        merged.sort(NEWEST_FIRST);
        if (merged.size() <= request.limit()) {
            return new Page<>(merged, Optional.empty());
        }
        List<Item> page = merged.subList(0, request.limit());
        return new Page<>(page, Optional.of(page.get(page.size() - 1).key().sk()));
    }

    /** The shard's items, or the exception its query threw (a {@code TableUnavailableException}). */
    private static List<Item> join(CompletableFuture<List<Item>> shard) {
        try {
            return shard.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String checkedPosition(String position) {
        if (!position.startsWith(Keys.CLIP_PREFIX) || position.contains("\n")) {
            throw new InvalidValueException("not a position of this listing"); // cursors are sealed; defence in depth
        }
        return position;
    }
}
