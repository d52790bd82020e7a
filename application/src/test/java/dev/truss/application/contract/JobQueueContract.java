package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.JobQueue;
import dev.truss.application.port.JobQueue.Delivery;
import dev.truss.application.port.JobQueue.Ticket;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.UlidFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueue} must do: deliver at least once, SQS-style. Each test gets a fresh,
 * empty queue. Time is abstract: a fake advances its clock in {@link #letTimePass}, a real queue sleeps.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class JobQueueContract {

    private final UlidFactory ids = new UlidFactory(new SecureRandom());

    /** A fresh, empty queue whose deliveries stay hidden for {@code visibilityTimeout}. */
    protected abstract JobQueue newQueue(Duration visibilityTimeout);

    /** Makes {@code amount} pass as far as the queue can tell. */
    protected abstract void letTimePass(Duration amount) throws InterruptedException;

    /** The visibility timeout the tests use; a real queue may need whole seconds. */
    protected Duration visibilityTimeout() {
        return Duration.ofSeconds(2);
    }

    /** How long a take waits for a ticket that should be there; generous, since it returns early. */
    protected Duration patience() {
        return Duration.ofSeconds(5);
    }

    /** How long a take waits for a ticket that should not be there; every such test costs this. */
    protected Duration shortWait() {
        return Duration.ofMillis(200);
    }

    @Test
    void a_submitted_ticket_is_taken() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout());
        Ticket ticket = ticket();
        queue.submit(ticket);

        Optional<Delivery> delivery = queue.take(patience());

        assertThat(delivery).map(Delivery::ticket).contains(ticket);
        assertThat(delivery.get().receipt()).isNotBlank();
    }

    @Test
    void a_ticket_submitted_with_a_delay_is_taken_only_once_the_delay_has_passed() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout());
        Ticket ticket = ticket();
        queue.submit(ticket, visibilityTimeout());

        assertThat(queue.take(shortWait())).isEmpty();
        letTimePass(visibilityTimeout().plusMillis(100));

        assertThat(queue.take(patience())).map(Delivery::ticket).contains(ticket);
    }

    @Test
    void an_empty_queue_answers_nothing_after_waiting_the_whole_wait() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout());
        long start = System.nanoTime();

        Optional<Delivery> delivery = queue.take(shortWait());

        assertThat(delivery).isEmpty();
        // Returning at once would make idle workers spin.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(shortWait().multipliedBy(9).dividedBy(10));
    }

    @Test
    void a_waiting_taker_gets_a_ticket_submitted_while_it_waits() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout());
        Ticket ticket = ticket();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Delivery>> taken = pool.submit(() -> queue.take(patience()));
            Thread.sleep(50);
            queue.submit(ticket);
            assertThat(taken.get(patience().toMillis() + 5_000, TimeUnit.MILLISECONDS)).map(Delivery::ticket).contains(ticket);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_delivered_ticket_is_hidden_from_other_takers_until_its_visibility_timeout() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout());
        queue.submit(ticket());
        assertThat(queue.take(patience())).isPresent();

        assertThat(queue.take(shortWait())).isEmpty();
    }

    @Test
    void an_acknowledged_ticket_is_never_delivered_again() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout());
        queue.submit(ticket());
        queue.acknowledge(queue.take(patience()).orElseThrow());

        letTimePass(visibilityTimeout().multipliedBy(2));

        assertThat(queue.take(shortWait())).isEmpty();
    }

    @Test
    void an_unacknowledged_ticket_is_delivered_again_after_the_visibility_timeout() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout());
        Ticket ticket = ticket();
        queue.submit(ticket);
        Delivery first = queue.take(patience()).orElseThrow();

        letTimePass(visibilityTimeout().plusMillis(500));
        Optional<Delivery> second = queue.take(patience());

        assertThat(second).map(Delivery::ticket).contains(ticket);
        assertThat(second.get().receipt()).isNotEqualTo(first.receipt());
    }

    @Test
    void a_released_ticket_is_delivered_again_after_the_delay_and_not_before() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout().multipliedBy(10));
        Ticket ticket = ticket();
        queue.submit(ticket);
        Duration delay = visibilityTimeout();
        queue.release(queue.take(patience()).orElseThrow(), delay);

        assertThat(queue.take(shortWait())).isEmpty();
        letTimePass(delay.plusMillis(500));

        assertThat(queue.take(patience())).map(Delivery::ticket).contains(ticket);
    }

    @Test
    void a_ticket_released_without_delay_is_delivered_again_at_once() throws Exception {
        JobQueue queue = newQueue(visibilityTimeout());
        Ticket ticket = ticket();
        queue.submit(ticket);
        queue.release(queue.take(patience()).orElseThrow(), Duration.ZERO);

        assertThat(queue.take(patience())).map(Delivery::ticket).contains(ticket);
    }

    @Test
    void concurrent_takers_never_get_the_same_ticket_at_once() throws Exception {
        // Long enough that no delivery times out while the takers drain the queue.
        JobQueue queue = newQueue(Duration.ofMinutes(5));
        int tickets = 40;
        Set<Ticket> submitted = new HashSet<>();
        for (int i = 0; i < tickets; i++) {
            Ticket ticket = ticket();
            submitted.add(ticket);
            queue.submit(ticket);
        }
        int takers = 6;
        CountDownLatch start = new CountDownLatch(1);
        Set<Ticket> seen = ConcurrentHashMap.newKeySet();
        List<Ticket> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < takers; t++) {
                running.add(pool.submit(() -> {
                    start.await();
                    Optional<Delivery> delivery;
                    while ((delivery = queue.take(shortWait())).isPresent()) {
                        if (!seen.add(delivery.get().ticket())) {
                            synchronized (duplicates) {
                                duplicates.add(delivery.get().ticket());
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> taker : running) {
                taker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).isEmpty();
        assertThat(seen).isEqualTo(submitted);
    }

    private Ticket ticket() {
        long now = System.currentTimeMillis();
        return new Ticket(new CreatorId(ids.next(now)), new JobId(ids.next(now)));
    }
}
