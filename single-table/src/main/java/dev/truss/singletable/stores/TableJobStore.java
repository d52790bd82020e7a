package dev.truss.singletable.stores;

import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.job.Job;
import java.util.Optional;

/** Jobs at {@code CREATOR#<id> / JOB#<jobId>}: one read for a client polling its status. */
final class TableJobStore implements JobStore {

    private final Items items;

    TableJobStore(Items items) {
        this.items = items;
    }

    @Override
    public WriteResult<Job> create(Job job) {
        return items.create(items.item(Keys.job(job.creatorId(), job.id()), job), job, Job.class);
    }

    @Override
    public Optional<Job> find(CreatorId creator, JobId job) {
        return items.find(Keys.job(creator, job), Job.class);
    }

    @Override
    public WriteResult<Job> update(Job job) {
        return items.update(Keys.job(job.creatorId(), job.id()), job);
    }
}
