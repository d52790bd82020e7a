package dev.truss.adapters.platforms.tiktok;

import static dev.truss.adapters.platforms.tiktok.TikTokStandIn.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.platform.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TikTokChunkPlanTest {

    @ParameterizedTest(name = "{0} bytes in chunks of about {1}: {2} × {3}")
    @CsvSource({
            "1, 10485760, 1, 1",
            "4096, 10485760, 4096, 1",
            "5242879, 10485760, 5242879, 1",            // just under 5 MB: whole
            "5242880, 10485760, 5242880, 1",            // 5 MB: one chunk of its size
            "11534459, 5242880, 5242880, 2",            // 11 MB: the last chunk takes the remainder
            "50000123, 10000000, 10000000, 5",          // the media transfer guide's example
            "50000123, 1000, 5242880, 9",               // a preferred chunk under 5 MB is raised
            "64000000, 64000000, 64000000, 1",
            "64000001, 64000000, 32000000, 2",          // over 64 MB: two chunks at least
            "127999999, 64000000, 63999999, 2",
            "128000000, 64000000, 64000000, 2",
            "4294967296, 10485760, 10485760, 409",      // 4 GB
            "10485760000, 5242880, 10485760, 1000",     // 1000 chunks at most: the chunk grows
    })
    void a_video_is_cut_by_tiktoks_rules(long size, long preferred, long chunk, int count) {
        ChunkPlan plan = ChunkPlan.of(size, preferred);

        assertThat(plan).isEqualTo(new ChunkPlan(size, chunk, count));
        assertThat(TikTokStandIn.chunkRuleBroken(size, plan.chunkSize(), plan.totalChunkCount())).isEmpty();
    }

    static Stream<Arguments> sizes_around_every_boundary() {
        List<Arguments> cases = new ArrayList<>();
        Random random = new Random(42);
        long[] boundaries = {5 * MB, 10 * MB, 64_000_000, 64 * MB, 128_000_000, 128 * MB, 1000 * 5 * MB,
                1000L * 64_000_000 - 5_000_000};
        long[] preferences = {ChunkPlan.MIN_CHUNK, ChunkPlan.DEFAULT_CHUNK, 33_333_333, ChunkPlan.MAX_CHUNK};
        for (long boundary : boundaries) {
            for (long delta : new long[] {-2, -1, 0, 1, 2, random.nextInt(5_000_000)}) {
                for (long preferred : preferences) {
                    cases.add(Arguments.of(boundary + delta, preferred));
                }
            }
        }
        for (int i = 0; i < 200; i++) {
            cases.add(Arguments.of(1 + (long) (random.nextDouble() * 1000L * 64_000_000), preferences[i % 4]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} bytes, chunks of about {1}")
    @MethodSource
    void sizes_around_every_boundary(long size, long preferred) {
        ChunkPlan plan = ChunkPlan.of(size, preferred);

        long total = 0;
        for (int i = 0; i < plan.totalChunkCount(); i++) {
            assertThat(plan.first(i)).isEqualTo(total);
            if (!plan.isLast(i)) {
                assertThat(plan.length(i)).isEqualTo(plan.chunkSize()).isBetween(ChunkPlan.MIN_CHUNK, ChunkPlan.MAX_CHUNK);
            }
            total += plan.length(i);
        }
        assertThat(total).isEqualTo(size);
        assertThat(plan.length(plan.totalChunkCount() - 1)).isLessThanOrEqualTo(ChunkPlan.MAX_LAST_CHUNK);
        assertThat(plan.totalChunkCount()).isEqualTo(size / plan.chunkSize()).isBetween(1, ChunkPlan.MAX_CHUNKS);
        if (size > ChunkPlan.MAX_CHUNK) {
            assertThat(plan.totalChunkCount()).isGreaterThanOrEqualTo(2);
        }
        assertThat(TikTokStandIn.chunkRuleBroken(size, plan.chunkSize(), plan.totalChunkCount())).isEmpty();
    }

    @Test
    void an_empty_video_or_one_beyond_a_thousand_chunks_is_refused() {
        for (long size : new long[] {0, 1000L * 64_000_000 + 1000}) {
            assertThatThrownBy(() -> ChunkPlan.of(size, ChunkPlan.DEFAULT_CHUNK))
                    .isInstanceOfSatisfying(PlatformException.class,
                            e -> assertThat(e.failure()).isEqualTo(PlatformException.Failure.REFUSED));
        }
    }
}
