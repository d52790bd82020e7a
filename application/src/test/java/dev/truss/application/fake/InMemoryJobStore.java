package dev.truss.application.fake;

import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.job.Job;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Jobs in memory, per creator. */
public final class InMemoryJobStore implements JobStore {

    private final Map<CreatorId, Map<JobId, Job>> jobs = new HashMap<>();

    @Override
    public synchronized WriteResult<Job> create(Job job) {
        return Rows.create(jobsOf(job.creatorId()), job.id(), job);
    }

    @Override
    public synchronized Optional<Job> find(CreatorId creator, JobId job) {
        return Optional.ofNullable(jobsOf(creator).get(job));
    }

    @Override
    public synchronized WriteResult<Job> update(Job job) {
        return Rows.update(jobsOf(job.creatorId()), job.id(), job);
    }

    private Map<JobId, Job> jobsOf(CreatorId creator) {
        return jobs.computeIfAbsent(creator, any -> new HashMap<>());
    }
}
