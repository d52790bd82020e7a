package dev.truss.singletable.stores;

import dev.truss.application.port.JobQueue;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.Table;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A durable job queue kept in the table itself: it survives restarts and is shared by every
 * process on the table (one SQLite file, or DynamoDB), with nothing else to run. Each ticket is
 * an item of the queue's partition whose sort key starts with when it becomes visible
 * ({@code Keys.queuedTicket}), so the due tickets are one key range, oldest first.
 *
 * <p>Taking, releasing and timing out are moves: a copy of the ticket is put at its new time,
 * then the old item is deleted. A crash between the two leaves both copies, a duplicate
 * delivery that at-least-once allows; no order of steps loses the ticket. The delete settles
 * races: of workers moving one item, only one gets it back, and the others delete their copy.
 * A receipt is the sort key of the delivered copy, so a stale receipt (the ticket timed out and
 * was taken again) acknowledges or releases nothing, as in SQS.
 *
 * <p>Visibility is measured on the injected clock; processes sharing a queue need clocks that
 * agree to well within the visibility timeout. {@link #take} looks at the table every poll
 * interval (each look is one query) and at once when this instance submits or releases.
 */
public final class TableJobQueue implements JobQueue {

    public static final String DEFAULT_NAME = "jobs";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    /** Due tickets read per query: enough that racing takers seldom all want the same one. */
    private static final int DUE_PER_QUERY = 10;

    private final Table table;
    private final String partition;
    private final Clock clock;
    private final long visibilityMillis;
    private final long pollNanos;
    private final SecureRandom random = new SecureRandom();
    private final Object signal = new Object();
    private long changes; // guarded by signal: submissions and releases made through this instance

    /**
     * The queue named {@value #DEFAULT_NAME}, polled every second. A visibility timeout about as
     * long as the jobs' lease suits best: a job that outlives it is delivered again meanwhile,
     * which {@code RunJobs} puts back until the lease ends (harmless, a few writes each time).
     */
    public TableJobQueue(Table table, Clock clock, Duration visibilityTimeout) {
        this(table, DEFAULT_NAME, clock, visibilityTimeout, DEFAULT_POLL_INTERVAL);
    }

    /** {@code name} keeps queues that share a table apart; {@code pollInterval} bounds how late another process's ticket is seen. */
    public TableJobQueue(Table table, String name, Clock clock, Duration visibilityTimeout, Duration pollInterval) {
        this.table = Objects.requireNonNull(table, "table");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a queue needs a name");
        }
        this.partition = Keys.queue(name);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (visibilityTimeout.toMillis() < 1 || pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("the visibility timeout and poll interval must be at least 1 ms, got "
                    + visibilityTimeout + " and " + pollInterval);
        }
        this.visibilityMillis = visibilityTimeout.toMillis();
        this.pollNanos = pollInterval.toNanos();
    }

    @Override
    public void submit(Ticket ticket, Duration delay) {
        Objects.requireNonNull(ticket, "ticket");
        put(ticket, clock.millis() + Math.max(0, delay.toMillis()));
        wakeTakers();
    }

    @Override
    public Optional<Delivery> take(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while taking a job");
            }
            long seen = changesSeen(); // read before looking, so a change made meanwhile is not slept through
            Optional<Delivery> delivery = claimDue();
            long left = deadline - System.nanoTime();
            if (delivery.isPresent() || left <= 0) {
                return delivery;
            }
            synchronized (signal) {
                if (changes == seen) {
                    TimeUnit.NANOSECONDS.timedWait(signal, Math.min(left, pollNanos));
                }
            }
        }
    }

    @Override
    public void acknowledge(Delivery delivery) {
        table.delete(new Key(partition, delivery.receipt()));
    }

    @Override
    public void release(Delivery delivery, Duration delay) {
        long visibleAt = clock.millis() + Math.max(0, delay.toMillis());
        if (move(delivery.ticket(), delivery.receipt(), visibleAt).isPresent()) {
            wakeTakers();
        }
    }

    private Optional<Delivery> claimDue() {
        while (true) {
            long now = clock.millis();
            List<Item> due = table.query(Query.table(partition,
                    SortKeyRange.between("0", Keys.queuedAfter(now)), false, DUE_PER_QUERY)).items();
            if (due.isEmpty()) {
                return Optional.empty();
            }
            for (Item item : due) {
                Ticket ticket = ticketOf(item.key().sk());
                Optional<String> receipt = move(ticket, item.key().sk(), now + visibilityMillis);
                if (receipt.isPresent()) {
                    return Optional.of(new Delivery(ticket, receipt.get()));
                }
            }
            // Others took every one of these; more may be due behind them.
        }
    }

    /**
     * Moves a ticket from sort key {@code from} to {@code visibleAt}: the new item's sort key, or
     * empty when {@code from} was gone (taken or acknowledged by someone else), leaving no copy.
     */
    private Optional<String> move(Ticket ticket, String from, long visibleAt) {
        String to = put(ticket, visibleAt);
        if (table.delete(new Key(partition, from)).isPresent()) {
            return Optional.of(to);
        }
        table.delete(new Key(partition, to));
        return Optional.empty();
    }

    private String put(Ticket ticket, long visibleAt) {
        while (true) {
            String sk = Keys.queuedTicket(visibleAt, ticket.creatorId(), ticket.jobId(),
                    HexFormat.of().toHexDigits(random.nextLong()));
            // Absent: a copy never overwrites another, even on the (astronomically rare) same nonce.
            if (table.put(Item.of(new Key(partition, sk)), Expect.absent()) == PutOutcome.WRITTEN) {
                return sk;
            }
        }
    }

    private static Ticket ticketOf(String sortKey) {
        String[] parts = sortKey.split("#");
        if (parts.length != 4) {
            throw new IllegalStateException("not a queued ticket: " + sortKey);
        }
        return new Ticket(CreatorId.parse(parts[1]), JobId.parse(parts[2]));
    }

    private long changesSeen() {
        synchronized (signal) {
            return changes;
        }
    }

    private void wakeTakers() {
        synchronized (signal) {
            changes++;
            signal.notifyAll();
        }
    }
}
