package dev.truss.application.fake;

import dev.truss.application.port.JobQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A job queue in memory with SQS semantics: a delivery hides its ticket for the visibility
 * timeout, an unacknowledged ticket comes back after it, and only the latest receipt can
 * acknowledge or release. Visibility is measured on the injected clock (so a test advances a
 * {@link MutableClock} instead of sleeping); {@code take} waits real time. Thread-safe.
 */
public final class InMemoryJobQueue implements JobQueue {

    /** A moved clock cannot wake a waiting taker, so waiters look again at least this often. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final class Message {
        final Ticket ticket;
        Instant visibleAt;
        String receipt; // of the latest delivery; null while waiting

        Message(Ticket ticket, Instant visibleAt) {
            this.ticket = ticket;
            this.visibleAt = visibleAt;
        }
    }

    private final Clock clock;
    private final Duration visibilityTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Message> messages = new LinkedHashMap<>(); // submission order
    private final List<Ticket> submitted = new ArrayList<>();
    private long sequence;

    /** SQS's default visibility timeout: 30 seconds. */
    public InMemoryJobQueue(Clock clock) {
        this(clock, Duration.ofSeconds(30));
    }

    public InMemoryJobQueue(Clock clock, Duration visibilityTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) {
            throw new IllegalArgumentException("the visibility timeout must be positive, got " + visibilityTimeout);
        }
        this.visibilityTimeout = visibilityTimeout;
    }

    @Override
    public void submit(Ticket ticket, Duration delay) {
        Objects.requireNonNull(ticket, "ticket");
        lock.lock();
        try {
            messages.put(++sequence, new Message(ticket, clock.instant().plus(delay)));
            submitted.add(ticket);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Delivery> take(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        lock.lockInterruptibly();
        try {
            while (true) {
                Optional<Delivery> delivery = deliverVisible();
                long left = deadline - System.nanoTime();
                if (delivery.isPresent() || left <= 0) {
                    return delivery;
                }
                changed.awaitNanos(Math.min(left, RECHECK_NANOS));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void acknowledge(Delivery delivery) {
        lock.lock();
        try {
            // A stale receipt (the ticket was redelivered since) deletes nothing, as in SQS.
            messages.values().removeIf(m -> delivery.receipt().equals(m.receipt));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(Delivery delivery, Duration delay) {
        lock.lock();
        try {
            for (Message m : messages.values()) {
                if (delivery.receipt().equals(m.receipt)) {
                    m.receipt = null;
                    m.visibleAt = clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay);
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Tickets not yet acknowledged, waiting or in flight, in submission order. */
    public List<Ticket> tickets() {
        lock.lock();
        try {
            return messages.values().stream().map(m -> m.ticket).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Tickets handed out and neither acknowledged, released nor timed out. */
    public List<Ticket> inFlight() {
        lock.lock();
        try {
            Instant now = clock.instant();
            return messages.values().stream().filter(m -> m.receipt != null && now.isBefore(m.visibleAt))
                    .map(m -> m.ticket).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every ticket ever submitted, in order: duplicates show a job was enqueued twice. */
    public List<Ticket> submitted() {
        lock.lock();
        try {
            return List.copyOf(submitted);
        } finally {
            lock.unlock();
        }
    }

    public boolean isEmpty() {
        return tickets().isEmpty();
    }

    private Optional<Delivery> deliverVisible() {
        Instant now = clock.instant();
        Message next = null;
        for (Message m : messages.values()) {
            if (!m.visibleAt.isAfter(now) && (next == null || m.visibleAt.isBefore(next.visibleAt))) {
                next = m;
            }
        }
        if (next == null) {
            return Optional.empty();
        }
        next.receipt = UUID.randomUUID().toString();
        next.visibleAt = now.plus(visibilityTimeout);
        return Optional.of(new Delivery(next.ticket, next.receipt));
    }
}
