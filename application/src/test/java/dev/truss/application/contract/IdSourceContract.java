package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.IdSource;
import dev.truss.domain.id.Ulid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link IdSource} must do: ids that sort by creation and never repeat. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class IdSourceContract {

    protected abstract IdSource newIdSource();

    @Test
    void ids_strictly_increase() {
        IdSource ids = newIdSource();
        Ulid previous = ids.next();
        // Many ids in one millisecond is the hard case: the random part must not be drawn again.
        for (int i = 0; i < 10_000; i++) {
            Ulid next = ids.next();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void ids_are_unique_when_made_by_many_threads_at_once() throws Exception {
        IdSource ids = newIdSource();
        int threads = 8;
        int each = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Ulid>>> batches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Ulid>> batch = () -> {
                    List<Ulid> made = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        made.add(ids.next());
                    }
                    return made;
                };
                batches.add(pool.submit(batch));
            }
            Set<Ulid> all = new HashSet<>();
            for (Future<List<Ulid>> batch : batches) {
                List<Ulid> made = batch.get(30, TimeUnit.SECONDS);
                assertThat(made).isSorted(); // each thread still sees increasing ids
                all.addAll(made);
            }
            assertThat(all).hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }
}
