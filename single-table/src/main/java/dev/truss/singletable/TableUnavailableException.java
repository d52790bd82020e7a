package dev.truss.singletable;

/** The backend failed to answer (network, throttling beyond retries, a broken database file). */
public final class TableUnavailableException extends RuntimeException {

    public TableUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
