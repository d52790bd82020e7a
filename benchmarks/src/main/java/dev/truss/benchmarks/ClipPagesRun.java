package dev.truss.benchmarks;

import dev.truss.application.contract.Fixtures;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import dev.truss.singletable.CountingTable;
import dev.truss.singletable.Table;
import dev.truss.singletable.stores.SingleTableStores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/** One backend's run: fill a small and a large creator, then time their pages. */
final class ClipPagesRun {

    /** One timed figure. {@code httpRequests} is -1 where the backend makes no HTTP requests. */
    record Row(String backend, int shards, String listing, String page, int clips, double medianMicros,
               double p90Micros, long tableRequests, long httpRequests) {
    }

    private final int smallClips;
    private final int largeClips;
    private final int pageSize;
    private final int deepPage;
    private final int repeats;

    ClipPagesRun(int smallClips, int largeClips, int pageSize, int deepPage, int repeats) {
        this.smallClips = smallClips;
        this.largeClips = largeClips;
        this.pageSize = pageSize;
        this.deepPage = deepPage;
        this.repeats = repeats;
    }

    List<Row> on(String backend, Table table, int shards, LongSupplier httpRequests) {
        CountingTable counted = new CountingTable(table);
        ClipStore clips = SingleTableStores.on(counted, shards).clips();
        List<Row> rows = new ArrayList<>();
        for (int count : new int[] {smallClips, largeClips}) {
            long started = System.nanoTime();
            CreatorId creator = fill(clips, count);
            System.out.printf("%s, %d shard(s): filled %,d clips in %.1f s%n", backend, shards, count,
                    (System.nanoTime() - started) / 1e9);
            time(rows, backend, shards, "newest first", count, (request, any) -> clips.listNewestFirst(creator, request),
                    counted, httpRequests);
            time(rows, backend, shards, "top by score", count, (request, any) -> clips.listTopByScore(creator, request),
                    counted, httpRequests);
        }
        return rows;
    }

    private void time(List<Row> rows, String backend, int shards, String listing, int clips,
                      BiFunction<PageRequest, Void, Page<Clip>> list, CountingTable counted, LongSupplier http) {
        Optional<String> deep = Optional.empty();
        int reached = 1;
        for (; reached < deepPage; reached++) {
            Optional<String> next = list.apply(new PageRequest(pageSize, deep), null).next();
            if (next.isEmpty()) {
                break;
            }
            deep = next;
        }
        PageRequest first = PageRequest.first(pageSize);
        PageRequest deepRequest = new PageRequest(pageSize, deep);
        rows.add(measure(backend, shards, listing, "first", clips, () -> list.apply(first, null), counted, http));
        rows.add(measure(backend, shards, listing, "deep (page " + reached + ")", clips,
                () -> list.apply(deepRequest, null), counted, http));
    }

    private Row measure(String backend, int shards, String listing, String page, int clips, Runnable read,
                        CountingTable counted, LongSupplier http) {
        for (int i = 0; i < repeats; i++) {
            read.run(); // warm-up: JIT, connection pools, caches
        }
        long tableBefore = counted.calls();
        long httpBefore = http.getAsLong();
        long[] nanos = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            read.run();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        long tableRequests = (counted.calls() - tableBefore) / repeats;
        long httpRequests = httpBefore < 0 ? -1 : (http.getAsLong() - httpBefore) / repeats;
        return new Row(backend, shards, listing, page, clips, nanos[repeats / 2] / 1e3, nanos[repeats * 9 / 10] / 1e3,
                tableRequests, httpRequests);
    }

    /** A creator with {@code count} clips of random scores, written by four threads. */
    private static CreatorId fill(ClipStore clips, int count) {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        Random random = new Random(count);
        List<List<Clip>> batches = new ArrayList<>();
        List<Clip> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = (i % 600) * 1_000L;
            batch.add(Fixtures.clip(creator, asset, new TimeRange(start, start + 15_000), random.nextInt(101)));
            if (batch.size() == 100) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        batches.add(batch);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (List<Clip> each : batches) {
                writes.add(pool.submit(() -> clips.createAll(each)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("filling the store failed", e);
        } finally {
            pool.shutdown();
        }
        return creator;
    }

    static String report(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-20s %6s %-13s %-16s %7s %11s %11s %9s %6s%n", "backend", "shards", "listing", "page",
                "clips", "median µs", "p90 µs", "requests", "http"));
        for (Row row : rows) {
            out.append(String.format("%-20s %6d %-13s %-16s %,7d %11.0f %11.0f %9d %6s%n", row.backend(), row.shards(),
                    row.listing(), row.page(), row.clips(), row.medianMicros(), row.p90Micros(), row.tableRequests(),
                    row.httpRequests() < 0 ? "-" : Long.toString(row.httpRequests())));
        }
        out.append(String.format("%nratios, large / small creator (median; target ≤ 1.2):%n"));
        for (Row large : rows) {
            for (Row small : rows) {
                if (large.clips() > small.clips() && large.backend().equals(small.backend())
                        && large.shards() == small.shards() && large.listing().equals(small.listing())
                        && large.page().startsWith("deep") == small.page().startsWith("deep")) {
                    out.append(String.format("%-20s %6d %-13s %-6s %5.2f%n", large.backend(), large.shards(),
                            large.listing(), large.page().startsWith("deep") ? "deep" : "first",
                            large.medianMicros() / small.medianMicros()));
                }
            }
        }
        return out.toString();
    }
}
