package dev.truss.application.job;

import dev.truss.application.port.JobQueue;
import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.Ulid;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import java.time.Clock;
import java.time.Instant;

/**
 * Queues background work. The job's id is derived from what it is about ({@code dedupeKey}),
 * so submitting the same work twice (a double click, a retried request) yields one job.
 */
public final class SubmitJob {

    private final JobStore jobs;
    private final JobQueue queue;
    private final Clock clock;

    public SubmitJob(JobStore jobs, JobQueue queue, Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * The job for this work, new or already there. {@code createdAt} is the time the work was
     * asked for (stable across retries of the same request), which the id is made from.
     */
    public Job submit(CreatorId creator, JobKind kind, String subject, String dedupeKey, Instant createdAt) {
        JobId id = new JobId(Ulid.derived(createdAt.toEpochMilli(), kind + ":" + subject + ":" + dedupeKey));
        WriteResult<Job> created = jobs.create(Job.queued(id, creator, kind, subject, clock.instant()));
        Job job = created instanceof WriteResult.AlreadyExists<Job> existing ? existing.existing()
                : ((WriteResult.Written<Job>) created).value();
        if (!job.state().isFinished()) {
            // A job found already there may have been stored just before a crash and never queued:
            // queue it again (handlers are idempotent, so a duplicate delivery is harmless).
            queue.submit(new JobQueue.Ticket(creator, id));
        }
        return job;
    }
}
