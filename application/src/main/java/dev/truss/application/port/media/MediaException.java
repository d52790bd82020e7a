package dev.truss.application.port.media;

/** Media processing failed; the message carries what the tool said, for the job's last error. */
public final class MediaException extends RuntimeException {
    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }

    public MediaException(String message) {
        super(message);
    }
}
