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

    /**
     * Fills both creators, then times each page of each listing for the small and the large
     * creator alternately, so both see the same JIT, caches and machine load.
     */
    List<Row> on(String backend, Table table, int shards, LongSupplier httpRequests) {
        CountingTable counted = new CountingTable(table);
        ClipStore clips = SingleTableStores.on(counted, shards).clips();
        CreatorId small = fill(backend, shards, clips, smallClips);
        CreatorId large = fill(backend, shards, clips, largeClips);
        List<Row> rows = new ArrayList<>();
        Listing newestFirst = (creator, request) -> clips.listNewestFirst(creator, request);
        Listing topByScore = (creator, request) -> clips.listTopByScore(creator, request);
        for (Listing listing : List.of(newestFirst, topByScore)) {
            String name = listing == newestFirst ? "newest first" : "top by score";
            Reader reader = new Reader(counted, httpRequests);
            // The small creator's page 2 stands in for a deep page: it starts from a position like
            // page 100 does and, unlike its short last page, is still full on every shard.
            Deep smallDeep = deepPosition(listing, small, 2);
            Deep largeDeep = deepPosition(listing, large, deepPage);
            rows.addAll(reader.alternately(
                    new Timed(backend, shards, name, "first", smallClips, () -> listing.page(small, PageRequest.first(pageSize))),
                    new Timed(backend, shards, name, "first", largeClips, () -> listing.page(large, PageRequest.first(pageSize)))));
            rows.addAll(reader.alternately(
                    new Timed(backend, shards, name, "deep (page " + smallDeep.page() + ")", smallClips,
                            () -> listing.page(small, new PageRequest(pageSize, smallDeep.position()))),
                    new Timed(backend, shards, name, "deep (page " + largeDeep.page() + ")", largeClips,
                            () -> listing.page(large, new PageRequest(pageSize, largeDeep.position())))));
        }
        return rows;
    }

    private interface Listing {
        Page<Clip> page(CreatorId creator, PageRequest request);
    }

    private record Deep(int page, Optional<String> position) {
    }

    private record Timed(String backend, int shards, String listing, String page, int clips, Runnable read) {
    }

    /** Where page {@code wanted} starts, or the last page when the listing is shorter. */
    private Deep deepPosition(Listing listing, CreatorId creator, int wanted) {
        Optional<String> position = Optional.empty();
        int page = 1;
        for (; page < wanted; page++) {
            Optional<String> next = listing.page(creator, new PageRequest(pageSize, position)).next();
            if (next.isEmpty()) {
                break;
            }
            position = next;
        }
        return new Deep(page, position);
    }

    private final class Reader {
        private final CountingTable counted;
        private final LongSupplier http;

        Reader(CountingTable counted, LongSupplier http) {
            this.counted = counted;
            this.http = http;
        }

        List<Row> alternately(Timed small, Timed large) {
            for (int i = 0; i < repeats; i++) { // warm-up: JIT, connection pools, caches
                small.read().run();
                large.read().run();
            }
            long[][] nanos = new long[2][repeats];
            long[] tableRequests = new long[2];
            long[] httpRequests = new long[2];
            Timed[] both = {small, large};
            for (int i = 0; i < repeats; i++) {
                for (int which = 0; which < 2; which++) {
                    long tableBefore = counted.calls();
                    long httpBefore = http.getAsLong();
                    long started = System.nanoTime();
                    both[which].read().run();
                    nanos[which][i] = System.nanoTime() - started;
                    tableRequests[which] += counted.calls() - tableBefore;
                    httpRequests[which] += httpBefore < 0 ? 0 : http.getAsLong() - httpBefore;
                }
            }
            List<Row> rows = new ArrayList<>();
            for (int which = 0; which < 2; which++) {
                Timed timed = both[which];
                Arrays.sort(nanos[which]);
                rows.add(new Row(timed.backend(), timed.shards(), timed.listing(), timed.page(), timed.clips(),
                        nanos[which][repeats / 2] / 1e3, nanos[which][repeats * 9 / 10] / 1e3,
                        tableRequests[which] / repeats, http.getAsLong() < 0 ? -1 : httpRequests[which] / repeats));
            }
            return rows;
        }
    }

    private static CreatorId fill(String backend, int shards, ClipStore clips, int count) {
        long started = System.nanoTime();
        CreatorId creator = fill(clips, count);
        System.out.printf("%s, %d shard(s): filled %,d clips in %.1f s%n", backend, shards, count,
                (System.nanoTime() - started) / 1e9);
        return creator;
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
        out.append(String.format("%nratios, large / small creator (median; target ≤ 1.2); the small creator's "
                + "page 2 stands in for a deep page%n(it starts from a position, and is still full on every shard):%n"));
        for (Row large : rows) {
            for (Row small : rows) {
                if (large.clips() > small.clips() && large.backend().equals(small.backend())
                        && large.shards() == small.shards() && large.listing().equals(small.listing())
                        && large.page().startsWith("deep") == small.page().startsWith("deep")) {
                    out.append(String.format("%-20s %6d %-13s %-16s %5.2f%n", large.backend(), large.shards(),
                            large.listing(), large.page(), large.medianMicros() / small.medianMicros()));
                }
            }
        }
        return out.toString();
    }
}
