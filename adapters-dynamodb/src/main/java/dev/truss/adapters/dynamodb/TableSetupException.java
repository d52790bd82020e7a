package dev.truss.adapters.dynamodb;

/** The table exists with another shape than Truss needs, or did not become usable in time. */
public final class TableSetupException extends RuntimeException {

    public TableSetupException(String message) {
        super(message);
    }
}
