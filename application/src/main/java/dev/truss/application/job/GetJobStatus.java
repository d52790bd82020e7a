package dev.truss.application.job;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.JobStore;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.job.Job;

/** Where a background job stands: state, stage, progress, attempts, last error. */
public final class GetJobStatus {

    private final JobStore jobs;

    public GetJobStatus(JobStore jobs) {
        this.jobs = jobs;
    }

    public Outcome<Job> execute(CreatorId creator, JobId job) {
        return jobs.find(creator, job).map(Outcome::ok).orElseGet(() -> Outcome.notFound("no job " + job));
    }
}
