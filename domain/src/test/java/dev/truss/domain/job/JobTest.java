package dev.truss.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JobTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    static Job queued() {
        return Job.queued(JobId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C9"), CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3"),
                JobKind.ANALYSE_ASSET, "01HZY3K7Q8M4T2V6W9X0A1B2C4", AT);
    }

    @Test
    void a_queued_job_has_not_been_tried() {
        Job job = queued();

        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.attempts()).isZero();
        assertThat(job.progress()).isZero();
        assertThat(job.maxAttempts()).isEqualTo(Job.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void starting_a_job_counts_an_attempt() {
        Job job = queued().started(AT.plusSeconds(1));

        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.updatedAt()).isEqualTo(AT.plusSeconds(1));
    }

    @Test
    void a_late_progress_report_does_not_move_the_job_back() {
        Job job = queued().started(AT).progressed("scoring", 80, AT).progressed("measuring", 40, AT);

        assertThat(job.progress()).isEqualTo(80);
        assertThat(job.stage()).isEqualTo("measuring");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> job.progressed("x", 101, AT));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> job.progressed("x", -1, AT));
    }

    @Test
    void a_failed_attempt_goes_back_to_the_queue_until_the_attempts_are_used_up() {
        Job once = queued().started(AT).attemptFailed("timeout", AT);
        Job twice = once.started(AT).attemptFailed("timeout", AT);
        Job thrice = twice.started(AT).attemptFailed("out of memory", AT);

        assertThat(once.state()).isEqualTo(JobState.QUEUED);
        assertThat(once.lastError()).contains("timeout");
        assertThat(twice.state()).isEqualTo(JobState.QUEUED);
        assertThat(thrice.state()).isEqualTo(JobState.FAILED);
        assertThat(thrice.attempts()).isEqualTo(3);
        assertThat(thrice.lastError()).contains("out of memory");
    }

    @Test
    void a_permanent_failure_ends_the_job_whatever_attempts_remain() {
        Job job = queued().started(AT).failedPermanently("not a video", AT);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.state().isFinished()).isTrue();
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.lastError()).contains("not a video");
    }

    @Test
    void taking_over_a_job_restarts_it_as_a_new_attempt_until_none_remain() {
        Job first = queued().started(AT).progressed("scoring", 60, AT);
        Job second = first.takenOver(AT.plusSeconds(300));
        Job third = second.takenOver(AT.plusSeconds(600));
        Job gaveUp = third.takenOver(AT.plusSeconds(900));

        assertThat(second.state()).isEqualTo(JobState.RUNNING);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.progress()).isZero();
        assertThat(second.lastError()).contains("the previous worker stopped before finishing");
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(gaveUp.state()).isEqualTo(JobState.FAILED);
        assertThat(gaveUp.lastError()).contains("the worker running this job stopped 3 times");
    }

    @Test
    void a_heartbeat_renews_a_running_job_and_changes_nothing_else() {
        Job running = queued().started(AT).progressed("scoring", 60, AT);

        Job beat = running.heartbeat(AT.plusSeconds(200));

        assertThat(beat).isEqualTo(new Job(running.id(), running.creatorId(), running.kind(), running.subject(),
                running.state(), running.stage(), running.progress(), running.attempts(), running.maxAttempts(),
                running.lastError(), running.notes(), running.createdAt(), AT.plusSeconds(200), running.version()));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> queued().heartbeat(AT));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> running.succeeded(AT).heartbeat(AT));
    }

    @Test
    void a_success_ends_at_100_percent() {
        Job job = queued().started(AT).progressed("scoring", 30, AT).succeeded(AT);

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.progress()).isEqualTo(100);
    }

    @Test
    void only_a_queued_job_can_start_and_only_a_running_one_can_report() {
        Job queued = queued();
        Job running = queued.started(AT);
        Job done = running.succeeded(AT);

        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> running.started(AT));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> queued.progressed("x", 1, AT));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> queued.succeeded(AT));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> queued.attemptFailed("e", AT));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> queued.takenOver(AT));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> done.started(AT))
                .withMessageEndingWith("cannot go from SUCCEEDED to RUNNING");
    }

    @Test
    void a_running_job_keeps_its_notes_through_success_and_failure() {
        Job noted = queued().started(AT).noted("the AI detector is not configured; the local detector ran", AT)
                .progressed("scoring", 80, AT);

        assertThat(noted.notes()).containsExactly("the AI detector is not configured; the local detector ran");
        assertThat(noted.succeeded(AT).notes()).isEqualTo(noted.notes());
        assertThat(noted.attemptFailed("timeout", AT).notes()).isEqualTo(noted.notes());
        assertThat(noted.failedPermanently("gone", AT).notes()).isEqualTo(noted.notes());
        assertThat(noted.heartbeat(AT).notes()).isEqualTo(noted.notes());
    }

    @Test
    void a_new_attempt_starts_without_the_notes_of_the_one_before() {
        Job noted = queued().started(AT).noted("fell back to the local detector", AT);

        assertThat(noted.attemptFailed("timeout", AT).started(AT).notes()).isEmpty();
        assertThat(noted.takenOver(AT.plusSeconds(600)).notes()).isEmpty();
    }

    @Test
    void a_note_said_twice_is_kept_once_long_ones_are_cut_and_only_the_first_ten_are_kept() {
        Job job = queued().started(AT).noted("repaired a chapter", AT).noted("  repaired a chapter ", AT)
                .noted("x".repeat(2000), AT);
        for (int i = 0; i < 20; i++) {
            job = job.noted("note " + i, AT);
        }

        assertThat(job.notes()).hasSize(Job.MAX_NOTES).startsWith("repaired a chapter");
        assertThat(job.notes().get(1)).hasSize(Job.MAX_NOTE_LENGTH).endsWith("…");
        assertThat(job.notes().get(Job.MAX_NOTES - 1)).isEqualTo("note 7");
    }

    @Test
    void only_a_running_job_takes_notes_and_a_note_is_never_blank() {
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> queued().noted("x", AT));
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> queued().started(AT).succeeded(AT).noted("x", AT));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> queued().started(AT).noted(" ", AT));
    }
}
