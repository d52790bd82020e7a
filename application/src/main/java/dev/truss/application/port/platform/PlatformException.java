package dev.truss.application.port.platform;

/** A platform refused or failed a call. {@code retryable} says whether trying again later may work. */
public final class PlatformException extends RuntimeException {

    private final boolean retryable;

    public PlatformException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public PlatformException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
