package dev.truss.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.fake.InMemoryJobQueue;
import dev.truss.application.fake.InMemoryJobStore;
import dev.truss.application.fake.MutableClock;
import dev.truss.domain.id.CreatorId;
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
    void a_job_running_elsewhere_is_left_alone_while_its_lease_lasts() throws Exception {
        Job job = submit();
        jobs.update(jobs.find(ADA, job.id()).orElseThrow().started(clock.instant()));

        Job seen = worker.runNext(NO_WAIT).orElseThrow();

        assertThat(seen.state()).isEqualTo(JobState.RUNNING);
        assertThat(handler.runs).isZero();
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
