package dev.truss.application.port.storage;

import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.job.Job;
import java.util.Optional;

/** Background jobs' status, which clients poll. */
public interface JobStore {

    WriteResult<Job> create(Job job);

    Optional<Job> find(CreatorId creator, JobId job);

    WriteResult<Job> update(Job job);
}
