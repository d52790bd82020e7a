package dev.truss.application.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.application.port.media.MomentDetector.Moment;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.Signal;
import dev.truss.domain.virality.ViralityScorer;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MomentRankingTest {

    private static final SelectionPolicy POLICY = SelectionPolicy.defaults();
    private final EngagementTimeline timeline = SyntheticTimeline.lasting(120_000).loud(70, 75).cuts(71_000, 73_000)
            .silence(39_000, 40_000).build();

    @Test
    void moments_ending_after_the_video_are_dropped_and_a_range_proposed_twice_keeps_its_first_words() {
        Detection detection = detection(moment(0, 20, "First"), moment(0, 20, "Second"), moment(110, 130, "Past the end"));

        List<MomentRanking.Pick> picks = MomentRanking.rank(timeline, detection, new ViralityScorer(), POLICY);

        assertThat(picks).extracting(MomentRanking.Pick::title).containsExactly("First");
    }

    @Test
    void picks_come_best_first_do_not_overlap_and_stop_at_the_policys_count() {
        Detection detection = detection(moment(0, 20, "Quiet start"), moment(65, 85, "The loud part"),
                moment(70, 90, "Overlapping the loud part"), moment(95, 115, "Quiet end"));

        List<MomentRanking.Pick> picks = MomentRanking.rank(timeline, detection, new ViralityScorer(),
                POLICY.withMaxClips(2));

        assertThat(picks).extracting(MomentRanking.Pick::title).containsExactly("The loud part", "Quiet start");
        assertThat(picks.get(0).score().value()).isGreaterThan(picks.get(1).score().value());
    }

    @Test
    void a_detectors_judgements_lift_a_moment_above_its_unjudged_equal() {
        Moment judged = new Moment(range(95, 115), "Judged", "", "", OptionalDouble.of(1), OptionalDouble.of(1), "");

        MomentRanking.Pick pick = MomentRanking.rank(timeline, detection(moment(0, 20, "Unjudged"), judged),
                new ViralityScorer(), POLICY.withMaxClips(1)).get(0);

        assertThat(pick.title()).isEqualTo("Judged");
        assertThat(pick.score().contributions()).extracting(c -> c.signal())
                .contains(Signal.HOOK_STRENGTH, Signal.EMOTIONAL_INTENSITY);
    }

    @Test
    void a_pick_moves_to_a_nearby_silence_and_keeps_the_proposal_it_came_from() {
        Moment proposed = moment(20, 40, "Ends near a pause");

        MomentRanking.Pick pick = MomentRanking.rank(timeline, detection(proposed), new ViralityScorer(), POLICY).get(0);

        assertThat(pick.range()).isEqualTo(new TimeRange(20_000, 39_000));
        assertThat(pick.moment()).isEqualTo(proposed);
    }

    @Test
    void nothing_proposed_means_nothing_picked() {
        assertThat(MomentRanking.rank(timeline, detection(), new ViralityScorer(), POLICY)).isEmpty();
    }

    private static Detection detection(Moment... moments) {
        return new Detection(List.of(moments), List.of(), List.of());
    }

    private static Moment moment(int fromSecond, int toSecond, String title) {
        return new Moment(range(fromSecond, toSecond), title, "hook", "caption", OptionalDouble.empty(),
                OptionalDouble.empty(), "");
    }

    private static TimeRange range(int fromSecond, int toSecond) {
        return new TimeRange(fromSecond * 1000L, toSecond * 1000L);
    }
}
