package dev.truss.application.job;

import dev.truss.application.common.ReadModifyWrite;
import dev.truss.application.port.JobQueue;
import dev.truss.application.port.storage.JobStore;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.job.JobState;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final JobStore jobs;
    private final JobQueue queue;
    private final Map<JobKind, JobHandler> handlers = new EnumMap<>(JobKind.class);
    private final Clock clock;
    private final Duration lease;
    private final Duration firstRetryDelay;

    /**
     * {@code lease}: how long a running job may go without a progress report before another
     * worker takes it over. {@code firstRetryDelay} doubles with each attempt.
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
        Optional<JobQueue.Delivery> delivery = queue.take(wait);
        if (delivery.isEmpty()) {
            return Optional.empty();
        }
        JobQueue.Ticket ticket = delivery.get().ticket();
        Optional<Job> job = jobs.find(ticket.creatorId(), ticket.jobId());
        if (job.isEmpty() || job.get().state().isFinished()) {
            queue.acknowledge(delivery.get()); // a duplicate delivery of finished (or vanished) work
            return job;
        }
        if (job.get().state() == JobState.RUNNING && clock.instant().isBefore(job.get().updatedAt().plus(lease))) {
            queue.release(delivery.get(), lease); // someone else is on it; look again when their lease ends
            return job;
        }
        Optional<Job> started = change(job.get(), current -> current.state() == JobState.QUEUED
                ? current.started(clock.instant()) : current.takenOver(clock.instant()));
        if (started.isEmpty() || started.get().state() != JobState.RUNNING) {
            queue.acknowledge(delivery.get());
            started.ifPresent(gaveUp -> handler(gaveUp).gaveUp(gaveUp, gaveUp.lastError().orElse("failed")));
            return started;
        }
        Job ended = run(started.get());
        if (ended.state() == JobState.QUEUED) {
            queue.release(delivery.get(), backoff(ended.attempts()));
        } else {
            queue.acknowledge(delivery.get());
        }
        return Optional.of(ended);
    }

    private Job run(Job job) {
        JobHandler handler = handler(job);
        try {
            handler.run(job, (stage, percent) ->
                    change(job, current -> current.progressed(stage, percent, clock.instant())));
            return change(job, current -> current.succeeded(clock.instant())).orElse(job);
        } catch (PermanentJobFailure failure) {
            return giveUp(job, handler, failure.getMessage(), true);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return giveUp(job, handler, "the worker was stopped", false);
        } catch (Exception | LinkageError failure) { // a native library that fails to load fails the job, not the worker
            LOG.log(Level.WARNING, "job " + job.id() + " (" + job.kind() + ") failed", failure);
            return giveUp(job, handler, describe(failure), false);
        }
    }

    private Job giveUp(Job job, JobHandler handler, String error, boolean permanent) {
        Job ended = change(job, current -> permanent ? current.failedPermanently(error, clock.instant())
                : current.attemptFailed(error, clock.instant())).orElse(job);
        if (ended.state() == JobState.FAILED) {
            handler.gaveUp(ended, error);
        }
        return ended;
    }

    /** Applies a change to the stored job, reading it again when a progress report raced it. */
    private Optional<Job> change(Job job, UnaryOperator<Job> change) {
        return ReadModifyWrite.apply(() -> jobs.find(job.creatorId(), job.id()), change, jobs::update);
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

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
