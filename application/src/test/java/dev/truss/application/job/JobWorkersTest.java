package dev.truss.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.Eventually;
import dev.truss.application.fake.InMemoryJobQueue;
import dev.truss.application.fake.InMemoryJobStore;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.JobQueue;
import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.Ulid;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.job.JobState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JobWorkersTest {

    private static final CreatorId ADA = new CreatorId(Ulid.of(1_700_000_000_000L, 1, 1));
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration VISIBILITY = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryJobQueue queue = new InMemoryJobQueue(clock, VISIBILITY);
    private final SubmitJob submit = new SubmitJob(jobs, queue, clock);

    @Test
    void jobs_run_side_by_side_on_no_more_threads_than_the_pool_has() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Job> submitted = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            submitted.add(submit("clip-" + i));
        }

        try (JobWorkers workers = JobWorkers.start(runJobs((job, progress) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(50);
            running.decrementAndGet();
        }), 3, POLL)) {
            Eventually.within(10, "every job succeeded", () -> submitted.stream().allMatch(this::succeeded));
        }

        assertThat(most.get()).isBetween(2, 3);
    }

    @Test
    void a_worker_that_fails_logs_it_and_goes_on_with_the_next_job() throws Exception {
        JobQueue flaky = new FailingTakes(queue, 2);
        Job broken = submit("broken");
        Job fine = submit("fine");
        RunJobs runJobs = new RunJobs(jobs, flaky, List.of(new Handler((job, progress) -> {
            if (job.subject().equals("broken")) {
                throw new AssertionError("a bug, not an exception RunJobs records");
            }
        })), clock, LEASE, Duration.ofSeconds(30));

        try (JobWorkers oneWorker = JobWorkers.start(runJobs, 1, POLL)) {
            Eventually.within(10, "the second job succeeded", () -> succeeded(fine));
        }

        assertThat(jobs.find(ADA, broken.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void closing_stops_idle_workers_at_once() {
        JobWorkers workers = JobWorkers.start(runJobs((job, progress) -> { }), 4, Duration.ofMinutes(5));
        long start = System.nanoTime();

        workers.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void closing_lets_a_running_job_finish_within_the_grace_period() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job job = submit("clip-1");
        JobWorkers workers = JobWorkers.start(runJobs((running, progress) -> {
            started.countDown();
            Thread.sleep(300);
        }), 2, POLL, Duration.ofSeconds(10));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        workers.close();

        assertThat(succeeded(job)).isTrue();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void closing_interrupts_a_job_that_outlasts_the_grace_period_and_puts_it_back() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job job = submit("clip-1");
        JobWorkers workers = JobWorkers.start(runJobs((running, progress) -> {
            started.countDown();
            new CountDownLatch(1).await(); // never ends unless interrupted
        }), 2, POLL, Duration.ofMillis(100));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();

        workers.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        Job stopped = jobs.find(ADA, job.id()).orElseThrow();
        assertThat(stopped.state()).isEqualTo(JobState.QUEUED);
        assertThat(stopped.lastError()).contains("the worker was stopped");
        assertThat(queue.tickets()).hasSize(1);
        assertThat(queue.inFlight()).as("released for a retry, not left hidden").isEmpty();
    }

    /**
     * The first pool's process dies mid-job: nothing it does reaches the store or the queue any
     * more, so the job stays running and its delivery unacknowledged. A pool started later on the
     * same store and queue takes the job back once the delivery's visibility timeout and the
     * job's lease have passed, and finishes it; the work is completed once.
     */
    @Test
    void a_job_whose_process_crashed_mid_job_is_finished_by_the_next_pool() throws Exception {
        Job job = submit("clip-1");
        CountDownLatch midJob = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        DyingProcess first = new DyingProcess();
        RunJobs firstRunJobs = new RunJobs(first.jobs(jobs), first.queue(queue), List.of(new Handler((running, progress) -> {
            progress.report("rendering", 40);
            midJob.countDown();
            new CountDownLatch(1).await();
        })), clock, LEASE, Duration.ofSeconds(30));
        JobWorkers crashing = JobWorkers.start(firstRunJobs, 2, POLL, Duration.ofMillis(50));
        assertThat(midJob.await(5, TimeUnit.SECONDS)).isTrue();

        first.die();
        crashing.close();
        assertThat(jobs.find(ADA, job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        assertThat(queue.inFlight()).hasSize(1);

        clock.advance(VISIBILITY.plusMinutes(1)); // the restart comes after the lease and the visibility timeout
        try (JobWorkers restarted = JobWorkers.start(runJobs((running, progress) -> completed.incrementAndGet()), 2, POLL)) {
            Eventually.within(10, "the job succeeded", () -> succeeded(job));
        }

        assertThat(jobs.find(ADA, job.id()).orElseThrow().attempts()).isEqualTo(2);
        assertThat(completed.get()).isEqualTo(1);
        assertThat(queue.isEmpty()).isTrue();
    }

    private RunJobs runJobs(Body body) {
        return new RunJobs(jobs, queue, List.of(new Handler(body)), clock, LEASE, Duration.ofSeconds(30));
    }

    private Job submit(String subject) {
        return submit.submit(ADA, JobKind.RENDER_CLIP, subject, "v0", clock.instant());
    }

    private boolean succeeded(Job job) {
        return jobs.find(ADA, job.id()).orElseThrow().state() == JobState.SUCCEEDED;
    }

    private interface Body {
        void run(Job job, JobProgress progress) throws Exception;
    }

    private record Handler(Body body) implements JobHandler {
        @Override
        public JobKind kind() {
            return JobKind.RENDER_CLIP;
        }

        @Override
        public void run(Job job, JobProgress progress) throws Exception {
            body.run(job, progress);
        }

        @Override
        public void gaveUp(Job job, String error) {
        }
    }

    /** A queue whose first {@code failures} takes throw, as a store that is briefly down does. */
    private static final class FailingTakes implements JobQueue {
        private final JobQueue queue;
        private final AtomicInteger failures;

        FailingTakes(JobQueue queue, int failures) {
            this.queue = queue;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public void submit(Ticket ticket, Duration delay) {
            queue.submit(ticket, delay);
        }

        @Override
        public Optional<Delivery> take(Duration wait) throws InterruptedException {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("the queue is down");
            }
            return queue.take(wait);
        }

        @Override
        public void acknowledge(Delivery delivery) {
            queue.acknowledge(delivery);
        }

        @Override
        public void release(Delivery delivery, Duration delay) {
            queue.release(delivery, delay);
        }
    }

    /** The store and queue as one process sees them: once it dies, nothing it does reaches them. */
    private static final class DyingProcess {
        private volatile boolean dead;

        void die() {
            dead = true;
        }

        private void check() {
            if (dead) {
                throw new IllegalStateException("this process is dead");
            }
        }

        JobStore jobs(JobStore store) {
            return new JobStore() {
                @Override
                public WriteResult<Job> create(Job job) {
                    check();
                    return store.create(job);
                }

                @Override
                public Optional<Job> find(CreatorId creator, JobId job) {
                    check();
                    return store.find(creator, job);
                }

                @Override
                public WriteResult<Job> update(Job job) {
                    check();
                    return store.update(job);
                }
            };
        }

        JobQueue queue(JobQueue queue) {
            return new JobQueue() {
                @Override
                public void submit(Ticket ticket, Duration delay) {
                    check();
                    queue.submit(ticket, delay);
                }

                @Override
                public Optional<Delivery> take(Duration wait) throws InterruptedException {
                    check();
                    return queue.take(wait);
                }

                @Override
                public void acknowledge(Delivery delivery) {
                    check();
                    queue.acknowledge(delivery);
                }

                @Override
                public void release(Delivery delivery, Duration delay) {
                    check();
                    queue.release(delivery, delay);
                }
            };
        }
    }
}
