package dev.truss.application.job;

/** A job failed in a way retrying cannot mend (the file is not a video, the clip was deleted). */
public final class PermanentJobFailure extends Exception {
    public PermanentJobFailure(String message) {
        super(message);
    }
}
