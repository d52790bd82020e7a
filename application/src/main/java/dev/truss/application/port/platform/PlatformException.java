package dev.truss.application.port.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform refused or failed a call. {@link #failure()} says what the caller can do about it;
 * {@link #retryAfter()} is how long the platform asked to wait, when it said.
 */
public final class PlatformException extends RuntimeException {

    /** What went wrong, as far as what to do next is concerned. */
    public enum Failure {
        /** Unreachable, overloaded, rate-limited or timed out: the same call may work later. */
        TEMPORARY,
        /** The platform rejected the access token (HTTP 401): refresh it once and try again. */
        TOKEN_REJECTED,
        /** The platform refused the request itself: trying again will not help. */
        REFUSED
    }

    private final Failure failure;
    private final transient Optional<Duration> retryAfter;

    public PlatformException(String message, Failure failure, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retry after");
    }

    public PlatformException(String message, Failure failure) {
        this(message, failure, Optional.empty(), null);
    }

    public static PlatformException temporary(String message, Throwable cause) {
        return new PlatformException(message, Failure.TEMPORARY, Optional.empty(), cause);
    }

    public static PlatformException refused(String message) {
        return new PlatformException(message, Failure.REFUSED);
    }

    public Failure failure() {
        return failure;
    }

    public boolean retryable() {
        return failure != Failure.REFUSED;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
