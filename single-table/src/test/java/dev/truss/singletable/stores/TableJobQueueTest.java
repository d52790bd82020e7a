package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.Concurrently;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.JobQueue.Delivery;
import dev.truss.application.port.JobQueue.Ticket;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.Ulid;
import dev.truss.singletable.CrashingTable;
import dev.truss.singletable.Expect;
import dev.truss.singletable.InMemoryTable;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.Table;
import dev.truss.singletable.TableUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the contract cannot see: the items, crashes between the steps of a move, and many takers at once. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TableJobQueueTest {

    private static final Duration VISIBILITY = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Ticket TICKET = ticket(1);

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final InMemoryTable table = new InMemoryTable();
    private final TableJobQueue queue = queueOn(table);

    @Test
    void a_ticket_is_an_item_of_the_queue_partition_keyed_by_when_it_becomes_visible() throws Exception {
        queue.submit(TICKET);
        String at = String.format("%015d", clock.millis());
        assertThat(queueItems()).singleElement().satisfies(item -> {
            assertThat(item.key().pk()).isEqualTo("QUEUE#jobs");
            assertThat(item.key().sk()).matches(at + "#" + TICKET.creatorId() + "#" + TICKET.jobId() + "#[0-9a-f]{16}");
        });

        Delivery delivery = queue.take(Duration.ZERO).orElseThrow();

        String hiddenUntil = String.format("%015d", clock.millis() + VISIBILITY.toMillis());
        assertThat(queueItems()).singleElement().satisfies(item -> {
            assertThat(item.key().sk()).startsWith(hiddenUntil + "#");
            assertThat(item.key().sk()).isEqualTo(delivery.receipt());
        });
    }

    @Test
    void a_queue_on_the_same_table_takes_what_another_submitted_as_a_second_process_would() throws Exception {
        TableJobQueue otherProcess = queueOn(table);

        queue.submit(TICKET);

        assertThat(otherProcess.take(Duration.ofSeconds(5))).map(Delivery::ticket).contains(TICKET);
    }

    @Test
    void queues_with_different_names_keep_their_tickets_apart() throws Exception {
        TableJobQueue renders = new TableJobQueue(table, "renders", clock, VISIBILITY, POLL);

        renders.submit(TICKET);

        assertThat(queue.take(Duration.ZERO)).isEmpty();
        assertThat(renders.take(Duration.ZERO)).map(Delivery::ticket).contains(TICKET);
    }

    @Test
    void a_stale_receipt_acknowledges_and_releases_nothing() throws Exception {
        queue.submit(TICKET);
        Delivery slow = queue.take(Duration.ZERO).orElseThrow();
        clock.advance(VISIBILITY.plusSeconds(1));
        Delivery retry = queue.take(Duration.ZERO).orElseThrow();

        queue.release(slow, Duration.ZERO);
        queue.acknowledge(slow);

        assertThat(queueItems()).extracting(item -> item.key().sk()).containsExactly(retry.receipt());
        queue.acknowledge(retry);
        assertThat(queueItems()).isEmpty();
    }

    @Test
    void an_interrupted_take_stops_waiting_at_once() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Delivery>> taking = pool.submit(() -> queue.take(Duration.ofMinutes(1)));
            Thread.sleep(50);
            long start = System.nanoTime();
            pool.shutdownNow();

            assertThatThrownBy(() -> taking.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        } finally {
            pool.shutdownNow();
        }
    }

    enum Step { SUBMIT, TAKE, TAKE_LOSING_A_RACE, RELEASE, ACKNOWLEDGE }

    /**
     * Each write of each step fails before or after it lands. Whatever happened, once the
     * visibility timeout has passed the ticket is delivered again (at least once; a duplicate is
     * allowed), unless it was meant to go: acknowledged, or never submitted (the caller was told).
     */
    @ParameterizedTest(name = "{0} crashes at write {1}, after writing: {2}")
    @CsvSource({
            "SUBMIT, 1, false, false", "SUBMIT, 1, true, true",
            "TAKE, 1, false, true", "TAKE, 1, true, true", "TAKE, 2, false, true", "TAKE, 2, true, true",
            "TAKE_LOSING_A_RACE, 1, false, true", "TAKE_LOSING_A_RACE, 1, true, true",
            "TAKE_LOSING_A_RACE, 2, false, true", "TAKE_LOSING_A_RACE, 2, true, true",
            "TAKE_LOSING_A_RACE, 3, false, true", "TAKE_LOSING_A_RACE, 3, true, true",
            "RELEASE, 1, false, true", "RELEASE, 1, true, true", "RELEASE, 2, false, true", "RELEASE, 2, true, true",
            "ACKNOWLEDGE, 1, false, true", "ACKNOWLEDGE, 1, true, false"})
    void a_crash_at_any_write_loses_no_ticket(Step step, int write, boolean afterWriting, boolean stillThere)
            throws Exception {
        Table underCrash = table;
        if (step == Step.TAKE_LOSING_A_RACE) {
            underCrash = new BeforeFirstDelete(table, () -> takeQuietly(queue)); // a rival claims the ticket first
        }
        TableJobQueue crashing = queueOn(new CrashingTable(underCrash, write, afterWriting));
        if (step != Step.SUBMIT) {
            queue.submit(TICKET);
        }
        Delivery delivered = step == Step.RELEASE || step == Step.ACKNOWLEDGE ? queue.take(Duration.ZERO).orElseThrow() : null;

        assertThatThrownBy(() -> {
            switch (step) {
                case SUBMIT -> crashing.submit(TICKET);
                case TAKE, TAKE_LOSING_A_RACE -> crashing.take(Duration.ZERO);
                case RELEASE -> crashing.release(delivered, Duration.ofSeconds(10));
                case ACKNOWLEDGE -> crashing.acknowledge(delivered);
            }
        }).isInstanceOf(TableUnavailableException.class);
        clock.advance(VISIBILITY.plusSeconds(1));

        List<Ticket> redelivered = drain(queue);
        if (stillThere) {
            assertThat(redelivered).isNotEmpty().containsOnly(TICKET);
        } else {
            assertThat(redelivered).isEmpty();
        }
    }

    @Test
    void many_takers_at_once_each_get_other_tickets_and_leave_one_item_per_ticket() throws Exception {
        TableJobQueue shaken = queueOn(new Jittery(table)); // pauses inside every call, so takers interleave
        Set<Ticket> submitted = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            submitted.add(ticket(i + 10));
            shaken.submit(ticket(i + 10));
        }

        Collection<Ticket> delivered = new ConcurrentLinkedQueue<>();
        Concurrently.run(8, () -> {
            Optional<Delivery> delivery;
            while ((delivery = shaken.take(Duration.ZERO)).isPresent()) {
                delivered.add(delivery.get().ticket());
            }
            return null;
        });

        assertThat(delivered).hasSize(submitted.size()).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(queueItems()).as("racers that lost deleted their copies").hasSize(submitted.size());
    }

    private TableJobQueue queueOn(Table on) {
        return new TableJobQueue(on, TableJobQueue.DEFAULT_NAME, clock, VISIBILITY, POLL);
    }

    private List<Item> queueItems() {
        return table.items().stream().filter(item -> item.key().pk().startsWith("QUEUE#")).toList();
    }

    private static List<Ticket> drain(TableJobQueue queue) throws InterruptedException {
        List<Ticket> tickets = new ArrayList<>();
        Optional<Delivery> delivery;
        while ((delivery = queue.take(Duration.ZERO)).isPresent()) {
            tickets.add(delivery.get().ticket());
            queue.acknowledge(delivery.get());
        }
        return tickets;
    }

    private static void takeQuietly(TableJobQueue queue) {
        try {
            queue.take(Duration.ZERO).orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Ticket ticket(int n) {
        return new Ticket(new CreatorId(Ulid.of(1_700_000_000_000L, 0, n)), new JobId(Ulid.of(1_700_000_000_000L, 1, n)));
    }

    /** Runs {@code rival} just before the first delete goes through, once. */
    private static final class BeforeFirstDelete extends Forwarding {
        private Runnable rival;

        BeforeFirstDelete(Table table, Runnable rival) {
            super(table);
            this.rival = rival;
        }

        @Override
        public Optional<Item> delete(Key key) {
            if (rival != null) {
                Runnable once = rival;
                rival = null;
                once.run();
            }
            return super.delete(key);
        }
    }

    /** Pauses for a random moment before every call. */
    private static final class Jittery extends Forwarding {
        Jittery(Table table) {
            super(table);
        }

        @Override
        void pause() {
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                try {
                    Thread.sleep(0, ThreadLocalRandom.current().nextInt(200_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                Thread.yield();
            }
        }
    }

    private static class Forwarding implements Table {
        private final Table table;

        Forwarding(Table table) {
            this.table = table;
        }

        void pause() {
        }

        @Override
        public Optional<Item> get(Key key) {
            pause();
            return table.get(key);
        }

        @Override
        public PutOutcome put(Item item, Expect expect) {
            pause();
            return table.put(item, expect);
        }

        @Override
        public Optional<Item> delete(Key key) {
            pause();
            return table.delete(key);
        }

        @Override
        public void add(Key key, Map<String, Long> amounts) {
            pause();
            table.add(key, amounts);
        }

        @Override
        public QueryPage query(Query query) {
            pause();
            return table.query(query);
        }
    }
}
