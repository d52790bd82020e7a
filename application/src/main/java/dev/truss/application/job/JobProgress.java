package dev.truss.application.job;

/** How a running job tells its pollers where it is, and what they should know besides. */
@FunctionalInterface
public interface JobProgress {

    /** {@code percent} of the whole job, 0–100; reports that go backwards are ignored. */
    void report(String stage, int percent);

    /**
     * Something the pollers should know about how the work went (a fallback it took, something it
     * repaired), kept with the job ({@code Job.notes}) once it ends. Ignored by default, so a
     * progress that only counts need not implement it.
     */
    default void note(String note) {
    }
}
