package dev.truss.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.IllegalTransitionException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class JobPropertiesTest {

    static final Instant AT = JobTest.AT;

    enum Move { START, PROGRESS, HEARTBEAT, SUCCEED, FAIL_ATTEMPT, FAIL_PERMANENTLY, TAKE_OVER }

    @Property
    void progress_within_one_run_never_goes_backwards(@ForAll @Size(max = 30) List<@IntRange(max = 100) Integer> reports) {
        Job job = JobTest.queued().started(AT);
        int highest = 0;
        for (int percent : reports) {
            job = job.progressed("working", percent, AT);
            highest = Math.max(highest, percent);
            assertThat(job.progress()).isEqualTo(highest);
        }
    }

    /** Any sequence of moves either follows the state machine or is refused, leaving the job as it was. */
    @Property
    void a_job_follows_its_state_machine(@ForAll("moves") List<Move> moves) {
        Job job = JobTest.queued();
        for (Move move : moves) {
            JobState expected = expectedAfter(job, move);
            Job current = job;
            if (expected == null) {
                assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> apply(current, move));
                continue;
            }
            job = apply(current, move);
            assertThat(job.state()).as("%s after %s", move, current.state()).isEqualTo(expected);
            int expectedAttempts = move == Move.START || (move == Move.TAKE_OVER && expected == JobState.RUNNING)
                    ? current.attempts() + 1 : current.attempts();
            assertThat(job.attempts()).isEqualTo(expectedAttempts).isBetween(0, job.maxAttempts());
        }
    }

    private static JobState expectedAfter(Job job, Move move) {
        boolean attemptsLeft = job.attempts() < job.maxAttempts();
        return switch (job.state()) {
            case QUEUED -> move == Move.START ? JobState.RUNNING : null;
            case RUNNING -> switch (move) {
                case START -> null;
                case PROGRESS, HEARTBEAT -> JobState.RUNNING;
                case SUCCEED -> JobState.SUCCEEDED;
                case FAIL_ATTEMPT -> attemptsLeft ? JobState.QUEUED : JobState.FAILED;
                case FAIL_PERMANENTLY -> JobState.FAILED;
                case TAKE_OVER -> attemptsLeft ? JobState.RUNNING : JobState.FAILED;
            };
            case SUCCEEDED, FAILED -> null;
        };
    }

    private static Job apply(Job job, Move move) {
        return switch (move) {
            case START -> job.started(AT);
            case PROGRESS -> job.progressed("working", 50, AT);
            case HEARTBEAT -> job.heartbeat(AT);
            case SUCCEED -> job.succeeded(AT);
            case FAIL_ATTEMPT -> job.attemptFailed("boom", AT);
            case FAIL_PERMANENTLY -> job.failedPermanently("not a video", AT);
            case TAKE_OVER -> job.takenOver(AT);
        };
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        // Successes and permanent failures are rarer, so that runs get far enough to use up attempts.
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.just(Move.START)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(Move.PROGRESS)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(Move.HEARTBEAT)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Move.SUCCEED)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.just(Move.FAIL_ATTEMPT)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Move.FAIL_PERMANENTLY)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(Move.TAKE_OVER)))
                .list().ofMaxSize(25);
    }
}
