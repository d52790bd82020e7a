package dev.truss.application.job;

import java.time.Duration;
import java.util.Objects;

/**
 * A job failed for now, and the service it called said when to try again (a rate limit's
 * {@code Retry-After}, a daily quota that resets at midnight): the next attempt waits at least
 * that long, instead of the usual backoff, so it does not spend itself too early. Capped at
 * {@link #LONGEST_WAIT}.
 */
public final class RetryLater extends Exception {

    /** The longest a job is put off: a day and an hour covers any daily quota. */
    public static final Duration LONGEST_WAIT = Duration.ofHours(25);

    private final Duration after;

    public RetryLater(String message, Duration after, Throwable cause) {
        super(message, cause);
        Objects.requireNonNull(after, "after");
        this.after = after.isNegative() ? Duration.ZERO : after.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : after;
    }

    public Duration after() {
        return after;
    }
}
