package dev.truss.application.port;

import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import java.time.Duration;
import java.util.Optional;

/**
 * Hands background jobs to workers, at least once (SQS semantics): a delivery that is not
 * acknowledged in time comes back, so handlers are idempotent.
 */
public interface JobQueue {

    /** What travels on the queue: just enough to load the job. */
    record Ticket(CreatorId creatorId, JobId jobId) {
    }

    /** A ticket handed to one worker; {@code receipt} identifies this hand-over for acknowledging it. */
    record Delivery(Ticket ticket, String receipt) {
    }

    /** Queues the ticket, to be delivered at once. */
    default void submit(Ticket ticket) {
        submit(ticket, Duration.ZERO);
    }

    /** Queues the ticket, to be delivered no sooner than {@code delay} from now. */
    void submit(Ticket ticket, Duration delay);

    /** Waits up to {@code wait} for a ticket. */
    Optional<Delivery> take(Duration wait) throws InterruptedException;

    /** Done with the delivery: it will not come back. */
    void acknowledge(Delivery delivery);

    /** Puts the ticket back, to be delivered again after {@code delay}. */
    void release(Delivery delivery, Duration delay);
}
