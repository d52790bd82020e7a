package dev.truss.application.job;

import dev.truss.application.common.ReadModifyWrite;
import dev.truss.application.port.JobQueue;
import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.job.JobState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The worker loop's body: takes one delivery from the queue, runs its job's handler, and
 * records the outcome so that pollers see it. Failures are retried with exponential backoff
 * until the job's attempts run out; a job whose worker died is taken over once its lease ends.
 */
public final class RunJobs {

    private static final Logger LOG = Logger.getLogger(RunJobs.class.getName());

    /** When a delivery that lost the race to claim its job looks at it again. */
    static final Duration CLAIM_LOST_RETRY = Duration.ofSeconds(1);

    private final JobStore jobs;
    private final JobQueue queue;
    private final Map<JobKind, JobHandler> handlers = new EnumMap<>(JobKind.class);
    private final Clock clock;
    private final Duration lease;
    private final Duration firstRetryDelay;
    private final ScheduledThreadPoolExecutor heartbeats = heartbeatThread();

    /**
     * {@code lease}: how long a running job may go without a sign of life (a progress report, or
     * the heartbeat sent every third of it while its handler runs) before another worker takes it
     * over. {@code firstRetryDelay} doubles with each attempt.
     */
    public RunJobs(JobStore jobs, JobQueue queue, List<JobHandler> handlers, Clock clock, Duration lease,
                   Duration firstRetryDelay) {
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
        this.lease = lease;
        this.firstRetryDelay = firstRetryDelay;
        handlers.forEach(handler -> this.handlers.put(handler.kind(), handler));
    }

    /** Runs the next job, waiting up to {@code wait} for one; the job as it ended, or empty when none came. */
    public Optional<Job> runNext(Duration wait) throws InterruptedException {
        Optional<JobQueue.Delivery> delivery = take(wait);
        return delivery.isEmpty() ? Optional.empty() : run(delivery.get());
    }

    /**
     * The first half of {@link #runNext}: waits for a delivery. Split from {@link #run} so that a
     * pool can interrupt its idle takers without interrupting a running job.
     */
    public Optional<JobQueue.Delivery> take(Duration wait) throws InterruptedException {
        return queue.take(wait);
    }

    /** Hands a delivery back untouched, to be taken again at once: for a pool that stops between a take and a run. */
    public void putBack(JobQueue.Delivery delivery) {
        queue.release(delivery, Duration.ZERO);
    }

    /** The second half of {@link #runNext}: runs the delivered job; the job as it ended, or empty when it is gone. */
    public Optional<Job> run(JobQueue.Delivery delivery) {
        JobQueue.Ticket ticket = delivery.ticket();
        Optional<Job> job = jobs.find(ticket.creatorId(), ticket.jobId());
        if (job.isEmpty() || job.get().state().isFinished()) {
            queue.acknowledge(delivery); // a duplicate delivery of finished (or vanished) work
            return job;
        }
        Instant now = clock.instant();
        Instant leaseEnds = job.get().updatedAt().plus(lease);
        if (job.get().state() == JobState.RUNNING && now.isBefore(leaseEnds)) {
            queue.release(delivery, Duration.between(now, leaseEnds)); // someone else is on it; look again when their lease ends
            return job;
        }
        // Claim the job with one write conditional on the version just checked: of two deliveries
        // racing for it, one claims it and the other looks again later (never a second takeover).
        Job claim = job.get().state() == JobState.QUEUED ? job.get().started(now) : job.get().takenOver(now);
        if (!(jobs.update(claim) instanceof WriteResult.Written<Job> claimed)) {
            queue.release(delivery, CLAIM_LOST_RETRY);
            return jobs.find(ticket.creatorId(), ticket.jobId());
        }
        Optional<Job> started = Optional.of(claimed.value());
        if (started.get().state() != JobState.RUNNING) {
            queue.acknowledge(delivery);
            started.ifPresent(gaveUp -> handler(gaveUp).gaveUp(gaveUp, gaveUp.lastError().orElse("failed")));
            return started;
        }
        Run ran = runHandler(started.get());
        try {
            if (ran.ended().state() == JobState.QUEUED) {
                Duration backoff = backoff(ran.ended().attempts());
                queue.release(delivery, ran.asked().compareTo(backoff) > 0 ? ran.asked() : backoff);
            } else {
                queue.acknowledge(delivery);
            }
        } finally {
            if (ran.interrupted()) {
                Thread.currentThread().interrupt(); // kept for the caller, now that the outcome is recorded
            }
        }
        return Optional.of(ran.ended());
    }

    /**
     * How a handler's run ended, whether its thread was interrupted (the flag is cleared meanwhile),
     * and how long the service it called asked to wait before the next attempt (zero if it did not).
     */
    private record Run(Job ended, boolean interrupted, Duration asked) {
    }

    private Run runHandler(Job job) {
        JobHandler handler = handler(job);
        String error = null;
        boolean permanent = false;
        boolean stopped = false;
        Duration asked = Duration.ZERO;
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(() -> heartbeat(job), every, every,
                TimeUnit.MILLISECONDS);
        try {
            handler.run(job, new JobProgress() {
                @Override
                public void report(String stage, int percent) {
                    changeOwn(job, current -> current.progressed(stage, percent, clock.instant()));
                }

                @Override
                public void note(String note) {
                    changeOwn(job, current -> current.noted(note, clock.instant()));
                }
            });
        } catch (PermanentJobFailure failure) {
            error = failure.getMessage();
            permanent = true;
        } catch (RetryLater later) {
            error = later.getMessage();
            asked = later.after();
        } catch (InterruptedException interrupted) {
            stopped = true;
            error = "the worker was stopped";
        } catch (Exception | LinkageError failure) { // a native library that fails to load fails the job, not the worker
            LOG.log(Level.WARNING, "job " + job.id() + " (" + job.kind() + ") failed", failure);
            error = describe(failure);
        } finally {
            heartbeat.cancel(false);
        }
        // Recorded with the interrupt flag cleared: some stores (the AWS SDK) refuse requests from an interrupted thread.
        stopped |= Thread.interrupted();
        Optional<Job> stillOurs = jobs.find(job.creatorId(), job.id()).filter(current -> owns(job, current));
        if (stillOurs.isEmpty()) {
            // Another worker took the job over while this one ran on (a long pause): its attempt decides.
            return new Run(jobs.find(job.creatorId(), job.id()).orElse(job), stopped, asked);
        }
        Job ended = error == null ? changeOwn(job, current -> current.succeeded(clock.instant())).orElse(job)
                : giveUp(job, handler, error, permanent);
        return new Run(ended, stopped, asked);
    }

    /**
     * Renews the lease of a job while its handler runs, so a long step without progress reports
     * is not taken over. Skipped when the job moved on (finished, or taken over after all), and
     * on a lost race: whatever won it renewed the lease too.
     */
    private void heartbeat(Job running) {
        try {
            jobs.find(running.creatorId(), running.id())
                    .filter(current -> current.state() == JobState.RUNNING && current.attempts() == running.attempts())
                    .ifPresent(current -> jobs.update(current.heartbeat(clock.instant())));
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            LOG.log(Level.WARNING, "could not renew the lease of job " + running.id() + "; trying again", e);
        }
    }

    private Job giveUp(Job job, JobHandler handler, String error, boolean permanent) {
        Job ended = changeOwn(job, current -> permanent ? current.failedPermanently(error, clock.instant())
                : current.attemptFailed(error, clock.instant())).orElse(job);
        if (ended.state() == JobState.FAILED) {
            handler.gaveUp(ended, error);
        }
        return ended;
    }

    /** Whether {@code current} is still the attempt {@code running} started: running, with the same attempt count. */
    private static boolean owns(Job running, Job current) {
        return current.state() == JobState.RUNNING && current.attempts() == running.attempts();
    }

    /**
     * Applies a change of a running attempt to the stored job, unless another worker has taken the
     * job over meanwhile (this one paused past its lease): a stale attempt never writes over the
     * attempt that owns the job now.
     */
    private Optional<Job> changeOwn(Job running, UnaryOperator<Job> change) {
        return ReadModifyWrite.apply(() -> jobs.find(running.creatorId(), running.id()).filter(c -> owns(running, c)),
                change, jobs::update);
    }

    private JobHandler handler(Job job) {
        JobHandler handler = handlers.get(job.kind());
        if (handler == null) {
            throw new IllegalStateException("no handler for " + job.kind() + " jobs is configured");
        }
        return handler;
    }

    private Duration backoff(int attempts) {
        return firstRetryDelay.multipliedBy(1L << Math.min(attempts - 1, 10));
    }

    /** One daemon thread renews the leases of every running job; it ends when idle. */
    private static ScheduledThreadPoolExecutor heartbeatThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "truss-job-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        executor.setKeepAliveTime(1, TimeUnit.MINUTES);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
