package dev.truss.application.job;

import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;

/**
 * Does the work of one kind of job. Delivery is at least once, so {@link #run} must be
 * idempotent: a job run twice leaves the same state as a job run once.
 */
public interface JobHandler {

    JobKind kind();

    /** Does the work; throws {@link PermanentJobFailure} when a retry cannot help, anything else to retry. */
    void run(Job job, JobProgress progress) throws Exception;

    /** The job failed for good (attempts used up, or permanent): mark its subject failed, with the reason. */
    void gaveUp(Job job, String error);
}
