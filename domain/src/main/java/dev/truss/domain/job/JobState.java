package dev.truss.domain.job;

/** Queued → running → succeeded | failed; a failed attempt with retries left goes back to queued. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
