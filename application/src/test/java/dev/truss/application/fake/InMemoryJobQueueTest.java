package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.JobQueueContract;
import dev.truss.application.port.JobQueue;
import dev.truss.application.port.JobQueue.Delivery;
import dev.truss.application.port.JobQueue.Ticket;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.Ulid;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryJobQueueTest extends JobQueueContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

    @Override
    protected JobQueue newQueue(Duration visibilityTimeout) {
        return new InMemoryJobQueue(clock, visibilityTimeout);
    }

    @Override
    protected void letTimePass(Duration amount) {
        clock.advance(amount);
    }

    private static final Ticket TICKET = new Ticket(new CreatorId(Ulid.of(1, 0, 1)), new JobId(Ulid.of(1, 0, 2)));

    @Test
    void a_stale_receipt_acknowledges_nothing_as_in_sqs() throws Exception {
        InMemoryJobQueue queue = new InMemoryJobQueue(clock, Duration.ofSeconds(30));
        queue.submit(TICKET);
        Delivery slow = queue.take(Duration.ZERO).orElseThrow();
        clock.advance(Duration.ofSeconds(31));
        Delivery retry = queue.take(Duration.ZERO).orElseThrow();

        queue.acknowledge(slow);

        assertThat(queue.tickets()).containsExactly(TICKET);
        queue.acknowledge(retry);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void a_waiting_taker_notices_when_the_clock_moves_a_ticket_into_view() throws Exception {
        InMemoryJobQueue queue = new InMemoryJobQueue(clock, Duration.ofSeconds(30));
        queue.submit(TICKET);
        queue.release(queue.take(Duration.ZERO).orElseThrow(), Duration.ofMinutes(1));
        Thread mover = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            clock.advance(Duration.ofMinutes(1));
        });
        mover.start();

        assertThat(queue.take(Duration.ofSeconds(5))).map(Delivery::ticket).contains(TICKET);
        mover.join();
    }

    @Test
    void the_queue_shows_what_is_in_flight_and_what_was_ever_submitted() throws Exception {
        InMemoryJobQueue queue = new InMemoryJobQueue(clock);
        queue.submit(TICKET);
        queue.submit(TICKET);
        queue.acknowledge(queue.take(Duration.ZERO).orElseThrow());
        queue.take(Duration.ZERO).orElseThrow();

        assertThat(queue.submitted()).containsExactly(TICKET, TICKET);
        assertThat(queue.inFlight()).containsExactly(TICKET);
        assertThat(queue.tickets()).containsExactly(TICKET);
    }
}
