package dev.truss.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.fake.InMemoryJobQueue;
import dev.truss.application.fake.InMemoryJobStore;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.JobQueue;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.Ulid;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.job.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubmitJobSafetyNetTest {

    private static final CreatorId ADA = new CreatorId(Ulid.of(1_700_000_000_000L, 1, 1));
    private static final Duration NO_WAIT = Duration.ofMillis(20);

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryJobQueue queue = new InMemoryJobQueue(clock, Duration.ofMinutes(30));
    private final List<JobHandler> handlers = List.of(new JobHandler() {
        @Override
        public JobKind kind() {
            return JobKind.RENDER_CLIP;
        }

        @Override
        public void run(Job job, JobProgress progress) {
        }

        @Override
        public void gaveUp(Job job, String error) {
        }
    });
    private final RunJobs worker = new RunJobs(jobs, queue, handlers, clock, Duration.ofMinutes(2), Duration.ofSeconds(30));

    /** A queue that dies (as its process would) on the first undelayed submission. */
    private final JobQueue dyingAfterStore = new JobQueue() {
        @Override
        public void submit(Ticket ticket, Duration delay) {
            if (delay.isZero()) {
                throw new IllegalStateException("the process died here");
            }
            queue.submit(ticket, delay);
        }

        @Override
        public Optional<Delivery> take(Duration wait) throws InterruptedException {
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
    };

    @Test
    void a_job_stored_by_a_process_that_died_before_queueing_it_still_runs_a_minute_later() throws Exception {
        SubmitJob submit = new SubmitJob(jobs, dyingAfterStore, clock, Optional.of(SubmitJob.SAFETY_NET_DELAY));
        java.time.Instant asked = clock.instant();
        assertThatThrownBy(() -> submit.submit(ADA, JobKind.RENDER_CLIP, "clip", "v1", asked));
        JobId id = new JobId(Ulid.derived(asked.toEpochMilli(), JobKind.RENDER_CLIP + ":clip:v1"));
        Job stranded = jobs.find(ADA, id).orElseThrow();
        assertThat(stranded.state()).isEqualTo(JobState.QUEUED);
        assertThat(worker.runNext(NO_WAIT)).as("nothing to run yet").isEmpty();

        clock.advance(SubmitJob.SAFETY_NET_DELAY);

        assertThat(worker.runNext(NO_WAIT)).map(Job::state).contains(JobState.SUCCEEDED);
    }

    @Test
    void without_the_safety_net_such_a_job_would_be_stranded() throws Exception {
        SubmitJob submit = new SubmitJob(jobs, dyingAfterStore, clock);
        assertThatThrownBy(() -> submit.submit(ADA, JobKind.RENDER_CLIP, "clip", "v1", clock.instant()));

        clock.advance(Duration.ofHours(1));

        assertThat(worker.runNext(NO_WAIT)).isEmpty();
    }

    @Test
    void the_safety_ticket_of_a_job_that_ran_is_dropped_without_running_it_again() throws Exception {
        SubmitJob submit = new SubmitJob(jobs, queue, clock, Optional.of(SubmitJob.SAFETY_NET_DELAY));
        Job job = submit.submit(ADA, JobKind.RENDER_CLIP, "clip", "v1", clock.instant());
        assertThat(worker.runNext(NO_WAIT)).map(Job::state).contains(JobState.SUCCEEDED);

        clock.advance(SubmitJob.SAFETY_NET_DELAY);
        Optional<Job> again = worker.runNext(NO_WAIT);

        assertThat(again).map(Job::attempts).contains(1);
        assertThat(jobs.find(ADA, job.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(queue.tickets()).isEmpty();
    }
}
