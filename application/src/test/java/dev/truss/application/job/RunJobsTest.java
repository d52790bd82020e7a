package dev.truss.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.Eventually;
import dev.truss.application.fake.InMemoryJobQueue;
import dev.truss.application.fake.InMemoryJobStore;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.Ulid;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.job.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunJobsTest {

    private static final CreatorId ADA = new CreatorId(Ulid.of(1_700_000_000_000L, 1, 1));
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration NO_WAIT = Duration.ofMillis(50);

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryJobQueue queue = new InMemoryJobQueue(clock, Duration.ofMinutes(30));
    private final ScriptedHandler handler = new ScriptedHandler();
    private final SubmitJob submit = new SubmitJob(jobs, queue, clock);
    private final RunJobs worker = new RunJobs(jobs, queue, List.of(handler), clock, LEASE, Duration.ofSeconds(30));

    @Test
    void a_job_that_works_ends_succeeded_at_full_progress() throws Exception {
        Job job = submit();

        Job ended = worker.runNext(NO_WAIT).orElseThrow();

        assertThat(ended.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(ended.progress()).isEqualTo(100);
        assertThat(ended.attempts()).isEqualTo(1);
        assertThat(jobs.find(ADA, job.id())).contains(ended);
        assertThat(queue.tickets()).isEmpty();
    }

    @Test
    void progress_reports_are_stored_for_pollers() throws Exception {
        Job job = submit();
        handler.onRun = (running, progress) -> {
            progress.report("halfway", 50);
            assertThat(jobs.find(ADA, job.id()).orElseThrow().progress()).isEqualTo(50);
            assertThat(jobs.find(ADA, job.id()).orElseThrow().stage()).isEqualTo("halfway");
        };

        assertThat(worker.runNext(NO_WAIT).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void notes_a_handler_takes_are_kept_with_the_job_for_pollers_when_it_succeeds() throws Exception {
        Job job = submit();
        handler.onRun = (running, progress) -> {
            progress.note("fell back to the local detector");
            assertThat(jobs.find(ADA, job.id()).orElseThrow().notes()).containsExactly("fell back to the local detector");
            progress.report("scoring", 80);
        };

        Job ended = worker.runNext(NO_WAIT).orElseThrow();

        assertThat(ended.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(ended.stage()).isEqualTo("done");
        assertThat(ended.notes()).containsExactly("fell back to the local detector");
    }

    @Test
    void the_notes_of_a_failed_attempt_stay_until_the_next_attempt_starts() throws Exception {
        submit();
        int[] runs = {0};
        handler.onRun = (running, progress) -> {
            if (runs[0]++ == 0) {
                progress.note("the model's answer was cut off");
                throw new IllegalStateException("the model timed out");
            }
        };

        Job failed = worker.runNext(NO_WAIT).orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        Job retried = worker.runNext(NO_WAIT).orElseThrow();

        assertThat(failed.state()).isEqualTo(JobState.QUEUED);
        assertThat(failed.notes()).containsExactly("the model's answer was cut off");
        assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(retried.notes()).isEmpty();
    }

    @Test
    void a_failed_attempt_is_retried_after_a_growing_delay() throws Exception {
        submit();
        handler.failures.add(new IllegalStateException("ffmpeg crashed"));
        handler.failures.add(new IllegalStateException("ffmpeg crashed again"));

        Job first = worker.runNext(NO_WAIT).orElseThrow();
        assertThat(first.state()).isEqualTo(JobState.QUEUED);
        assertThat(first.lastError()).contains("ffmpeg crashed");
        assertThat(worker.runNext(NO_WAIT)).as("not before its delay").isEmpty();

        clock.advance(Duration.ofSeconds(30));
        assertThat(worker.runNext(NO_WAIT).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        clock.advance(Duration.ofSeconds(30));
        assertThat(worker.runNext(NO_WAIT)).as("the second delay is twice the first").isEmpty();

        clock.advance(Duration.ofSeconds(30));
        Job third = worker.runNext(NO_WAIT).orElseThrow();
        assertThat(third.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(third.attempts()).isEqualTo(3);
    }

    @Test
    void a_job_failing_every_attempt_fails_for_good_and_its_subject_is_told() throws Exception {
        submit();
        for (int i = 0; i < Job.DEFAULT_MAX_ATTEMPTS; i++) {
            handler.failures.add(new IllegalStateException("out of disk"));
        }

        Job last = null;
        for (int i = 0; i < Job.DEFAULT_MAX_ATTEMPTS; i++) {
            last = worker.runNext(NO_WAIT).orElseThrow();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(last.state()).isEqualTo(JobState.FAILED);
        assertThat(last.lastError()).contains("out of disk");
        assertThat(handler.gaveUp).containsExactly("out of disk");
        assertThat(queue.tickets()).isEmpty();
    }

    @Test
    void a_permanent_failure_is_not_retried() throws Exception {
        submit();
        handler.failures.add(new PermanentJobFailure("the file is not a video"));

        Job ended = worker.runNext(NO_WAIT).orElseThrow();

        assertThat(ended.state()).isEqualTo(JobState.FAILED);
        assertThat(ended.attempts()).isEqualTo(1);
        assertThat(handler.gaveUp).containsExactly("the file is not a video");
    }

    @Test
    void submitting_the_same_work_twice_makes_one_job() {
        Instant asked = clock.instant();
        Job first = submit.submit(ADA, JobKind.RENDER_CLIP, "clip-1", "v0", asked);
        Job second = submit.submit(ADA, JobKind.RENDER_CLIP, "clip-1", "v0", asked);

        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void a_duplicate_delivery_of_finished_work_does_not_run_it_again() throws Exception {
        Job job = submit();
        worker.runNext(NO_WAIT).orElseThrow();

        submit.submit(ADA, JobKind.RENDER_CLIP, job.subject(), "v0", job.createdAt()); // the same work, again

        assertThat(handler.runs).isEqualTo(1);
        assertThat(queue.tickets()).isEmpty();
    }

    @Test
    void a_job_whose_worker_died_is_taken_over_once_its_lease_ends() throws Exception {
        Job job = submit();
        jobs.update(jobs.find(ADA, job.id()).orElseThrow().started(clock.instant())); // a worker took it, then died

        clock.advance(LEASE.plusSeconds(1));
        queue.submit(new dev.truss.application.port.JobQueue.Ticket(ADA, job.id())); // the redelivery
        Job ended = null;
        for (int i = 0; i < 3 && (ended == null || ended.state() != JobState.SUCCEEDED); i++) {
            ended = worker.runNext(NO_WAIT).orElse(ended);
        }

        assertThat(ended.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(ended.attempts()).isEqualTo(2);
        assertThat(handler.runs).isEqualTo(1);
    }

    @Test
    void a_worker_that_paused_past_its_lease_writes_nothing_over_the_attempt_that_took_the_job_over()
            throws Exception {
        Job job = submit();
        handler.onRun = (running, progress) -> {
            // A long pause: the lease ran out and another worker took the job over.
            clock.advance(LEASE.plusSeconds(1));
            jobs.update(jobs.find(ADA, running.id()).orElseThrow().takenOver(clock.instant()));
            progress.report("stale progress", 90);
            progress.note("a stale note");
        };

        worker.runNext(NO_WAIT);

        Job stored = jobs.find(ADA, job.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(JobState.RUNNING);
        assertThat(stored.attempts()).isEqualTo(2);
        assertThat(stored.stage()).isEqualTo("restarted");
        assertThat(stored.progress()).isZero();
        assertThat(stored.notes()).isEmpty();
        assertThat(queue.tickets()).as("the stale delivery is done; the new attempt has its own").isEmpty();
    }

    @Test
    void of_two_deliveries_racing_to_take_over_a_job_only_one_claims_it() throws Exception {
        Job job = submit();
        jobs.update(jobs.find(ADA, job.id()).orElseThrow().started(clock.instant())); // a worker took it, then died
        clock.advance(LEASE.plusSeconds(1));
        // Between this worker's read and its claim, another worker takes the job over.
        dev.truss.application.port.storage.JobStore racing = new dev.truss.application.port.storage.JobStore() {
            boolean raced;

            @Override
            public dev.truss.application.port.storage.WriteResult<Job> create(Job created) {
                return jobs.create(created);
            }

            @Override
            public java.util.Optional<Job> find(CreatorId creator, dev.truss.domain.id.JobId id) {
                return jobs.find(creator, id);
            }

            @Override
            public dev.truss.application.port.storage.WriteResult<Job> update(Job updated) {
                if (!raced) {
                    raced = true;
                    jobs.update(jobs.find(ADA, job.id()).orElseThrow().takenOver(clock.instant()));
                }
                return jobs.update(updated);
            }
        };
        RunJobs loser = new RunJobs(racing, queue, List.of(handler), clock, LEASE, Duration.ofSeconds(30));

        Job seen = loser.runNext(NO_WAIT).orElseThrow();

        assertThat(seen.state()).isEqualTo(JobState.RUNNING);
        assertThat(seen.attempts()).as("one takeover, not two").isEqualTo(2);
        assertThat(handler.runs).isZero();
        assertThat(queue.tickets()).as("the loser looks again later").hasSize(1);
    }

    @Test
    void a_job_running_elsewhere_is_left_alone_while_its_lease_lasts() throws Exception {
        Job job = submit();
        jobs.update(jobs.find(ADA, job.id()).orElseThrow().started(clock.instant()));

        Job seen = worker.runNext(NO_WAIT).orElseThrow();

        assertThat(seen.state()).isEqualTo(JobState.RUNNING);
        assertThat(handler.runs).isZero();
    }

    @Test
    void a_job_running_elsewhere_is_looked_at_again_when_its_lease_would_end() throws Exception {
        Job job = submit();
        jobs.update(jobs.find(ADA, job.id()).orElseThrow().started(clock.instant())); // a worker took it, then died
        clock.advance(LEASE.minusMinutes(2));

        assertThat(worker.runNext(NO_WAIT).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        assertThat(worker.runNext(NO_WAIT)).as("not before the lease ends").isEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertThat(worker.runNext(NO_WAIT).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(handler.runs).isEqualTo(1);
    }

    @Test
    void a_long_step_without_progress_reports_keeps_its_lease_by_heartbeats() throws Exception {
        Duration shortLease = Duration.ofMillis(300); // heartbeats every 100 ms of real time
        RunJobs slow = new RunJobs(jobs, queue, List.of(handler), clock, shortLease, Duration.ofSeconds(30));
        RunJobs other = new RunJobs(jobs, queue, List.of(handler), clock, shortLease, Duration.ofSeconds(30));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        handler.onRun = (running, progress) -> {
            started.countDown();
            finish.await();
        };
        Job job = submit();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Job>> run = pool.submit(() -> slow.runNext(NO_WAIT));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            Instant muchLater = clock.advance(Duration.ofHours(1));
            Eventually.within(5, "a heartbeat renewed the lease",
                    () -> jobs.find(ADA, job.id()).orElseThrow().updatedAt().equals(muchLater));
            queue.submit(new dev.truss.application.port.JobQueue.Ticket(ADA, job.id())); // a duplicate delivery
            assertThat(other.runNext(NO_WAIT).orElseThrow().state()).as("left alone").isEqualTo(JobState.RUNNING);

            finish.countDown();
            assertThat(run.get(5, TimeUnit.SECONDS).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(handler.runs).isEqualTo(1);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_job_stopped_by_an_interrupt_is_recorded_even_by_a_store_that_refuses_interrupted_threads() throws Exception {
        RunJobs picky = new RunJobs(new RefusesInterruptedThreads(jobs), queue, List.of(handler), clock, LEASE,
                Duration.ofSeconds(30));
        Job job = submit();
        handler.onRun = (running, progress) -> {
            Thread.currentThread().interrupt(); // as a handler does that turns a cancelled render into an error
            throw new IllegalStateException("ffmpeg was cancelled");
        };

        Job ended = picky.runNext(NO_WAIT).orElseThrow();

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(ended.state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.find(ADA, job.id()).orElseThrow().lastError()).contains("ffmpeg was cancelled");
        assertThat(queue.inFlight()).as("put back for a retry").isEmpty();
        assertThat(queue.tickets()).hasSize(1);
    }

    /** As the AWS SDK does: a request from an interrupted thread is refused. */
    private record RefusesInterruptedThreads(JobStore store) implements JobStore {
        private static void refuseIfInterrupted() {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("refused: the thread is interrupted");
            }
        }

        @Override
        public WriteResult<Job> create(Job job) {
            refuseIfInterrupted();
            return store.create(job);
        }

        @Override
        public Optional<Job> find(CreatorId creator, JobId job) {
            refuseIfInterrupted();
            return store.find(creator, job);
        }

        @Override
        public WriteResult<Job> update(Job job) {
            refuseIfInterrupted();
            return store.update(job);
        }
    }

    private Job submit() {
        return submit.submit(ADA, JobKind.RENDER_CLIP, "clip-1", "v0", clock.instant());
    }

    /** A handler that fails as scripted, then succeeds. */
    private static final class ScriptedHandler implements JobHandler {
        interface Body {
            void run(Job job, JobProgress progress) throws Exception;
        }

        final Deque<Exception> failures = new ArrayDeque<>();
        final List<String> gaveUp = new ArrayList<>();
        Body onRun = (job, progress) -> { };
        int runs;

        @Override
        public JobKind kind() {
            return JobKind.RENDER_CLIP;
        }

        @Override
        public void run(Job job, JobProgress progress) throws Exception {
            Exception failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            runs++;
            onRun.run(job, progress);
        }

        @Override
        public void gaveUp(Job job, String error) {
            gaveUp.add(error);
        }
    }
}
