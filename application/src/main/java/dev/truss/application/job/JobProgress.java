package dev.truss.application.job;

/** How a running job tells its pollers where it is. */
@FunctionalInterface
public interface JobProgress {

    /** {@code percent} of the whole job, 0–100; reports that go backwards are ignored. */
    void report(String stage, int percent);
}
