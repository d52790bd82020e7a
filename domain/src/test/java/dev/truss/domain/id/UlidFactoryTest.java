package dev.truss.domain.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class UlidFactoryTest {

    @Property
    void ids_are_strictly_increasing_whatever_the_clock_does(
            @ForAll @Size(max = 200) List<@LongRange(min = 0, max = 50) Long> clock, @ForAll long seed) {
        UlidFactory factory = new UlidFactory(new Random(seed));
        Ulid previous = null;
        for (long millis : clock) {
            Ulid id = factory.next(millis);
            if (previous != null) {
                assertThat(id).isGreaterThan(previous);
                assertThat(id.timestamp()).isAfterOrEqualTo(previous.timestamp());
            }
            previous = id;
        }
    }

    @Example
    void a_later_millisecond_gives_its_own_timestamp() {
        UlidFactory factory = new UlidFactory(new Random(1));
        factory.next(1_000);

        assertThat(factory.next(2_000).timestamp().toEpochMilli()).isEqualTo(2_000);
    }

    @Example
    void a_clock_going_backwards_keeps_the_last_timestamp_and_counts_on() {
        UlidFactory factory = new UlidFactory(new Random(1));
        Ulid first = factory.next(1_000);
        Ulid second = factory.next(999);

        assertThat(second).isGreaterThan(first);
        assertThat(second.timestamp().toEpochMilli()).isEqualTo(1_000);
    }

    @Example
    void exhausting_the_random_part_borrows_the_next_millisecond() {
        RandomGenerator allOnes = () -> -1L; // the largest random part: every later id in this ms overflows
        UlidFactory factory = new UlidFactory(allOnes);
        Ulid last = factory.next(5);
        Ulid overflow = factory.next(5);

        assertThat(last.value()).endsWith("Z".repeat(16));
        assertThat(overflow).isGreaterThan(last);
        assertThat(overflow.timestamp().toEpochMilli()).isEqualTo(6);
        assertThat(overflow.value()).endsWith("0".repeat(16));
    }

    @Example
    void ids_made_by_several_threads_at_once_are_unique_and_each_thread_sees_them_increase() throws Exception {
        UlidFactory factory = new UlidFactory(new Random(7));
        int threads = 4;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Ulid>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    List<Ulid> made = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        made.add(factory.next(1_700_000_000_000L + i / 100));
                    }
                    return made;
                });
            }
            Set<Ulid> all = new HashSet<>();
            for (Future<List<Ulid>> result : pool.invokeAll(work)) {
                List<Ulid> made = result.get();
                assertThat(made).isSorted().doesNotHaveDuplicates();
                all.addAll(made);
            }
            assertThat(all).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
