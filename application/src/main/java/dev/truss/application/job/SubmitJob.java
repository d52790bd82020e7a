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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Queues background work. The job's id is derived from what it is about ({@code dedupeKey}),
 * so submitting the same work twice (a double click, a retried request) yields one job.
 */
public final class SubmitJob {

    /** How long after a submission its safety-net ticket is delivered, by default. */
    public static final Duration SAFETY_NET_DELAY = Duration.ofMinutes(1);

    private final JobStore jobs;
    private final JobQueue queue;
    private final Clock clock;
    private final Optional<Duration> safetyNet;

    /** Without a safety net: for tests that follow each ticket; a crash may then strand a stored job. */
    public SubmitJob(JobStore jobs, JobQueue queue, Clock clock) {
        this(jobs, queue, clock, Optional.empty());
    }

    /** {@code safetyNet}: how long after each submission a second ticket comes, in case the first was never queued. */
    public SubmitJob(JobStore jobs, JobQueue queue, Clock clock, Optional<Duration> safetyNet) {
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
        this.safetyNet = safetyNet;
    }

    /**
     * The job for this work, new or already there. {@code createdAt} is the time the work was
     * asked for (stable across retries of the same request), which the id is made from.
     */
    public Job submit(CreatorId creator, JobKind kind, String subject, String dedupeKey, Instant createdAt) {
        return submitAs(creator, kind, subject, subject, dedupeKey, createdAt);
    }

    /**
     * As {@link #submit}, but the job's id comes from {@code identity} rather than the subject: one
     * job per identity and key whatever the subject says, and the first submission's subject wins
     * (one analysis per state of a video, whichever detector each request chose).
     */
    public Job submitAs(CreatorId creator, JobKind kind, String identity, String subject, String dedupeKey,
                        Instant createdAt) {
        JobId id = new JobId(Ulid.derived(createdAt.toEpochMilli(), kind + ":" + identity + ":" + dedupeKey));
        JobQueue.Ticket ticket = new JobQueue.Ticket(creator, id);
        // A safety net, queued before the job is stored: should this process die between storing
        // the job and queueing it below, this later ticket still runs it. A ticket for a job that
        // was never stored, or has finished, is simply dropped by the worker.
        safetyNet.ifPresent(delay -> queue.submit(ticket, delay));
        WriteResult<Job> created = jobs.create(Job.queued(id, creator, kind, subject, clock.instant()));
        Job job = created instanceof WriteResult.AlreadyExists<Job> existing ? existing.existing()
                : ((WriteResult.Written<Job>) created).value();
        if (!job.state().isFinished()) {
            // A job found already there may have been stored just before a crash and never queued:
            // queue it again (handlers are idempotent, so a duplicate delivery is harmless).
            queue.submit(ticket);
        }
        return job;
    }
}
