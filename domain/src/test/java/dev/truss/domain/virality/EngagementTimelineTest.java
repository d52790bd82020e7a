package dev.truss.domain.virality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.truss.domain.time.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementTimelineTest {

    // Ten seconds: quiet at −30 LUFS with one shout at −18 in second 6; motion rises in the second half.
    private final EngagementTimeline timeline = new EngagementTimeline(
            10_000,
            List.of(-30.0, -30.0, -30.0, -30.0, -30.0, -30.0, -18.0, -30.0, -30.0, -30.0),
            List.of(new TimeRange(1_000, 2_500), new TimeRange(2_000, 3_000), new TimeRange(8_000, 9_000)),
            List.of(new SceneCut(4_000, 0.9), new SceneCut(6_000, 0.7), new SceneCut(8_000, 0.8)),
            List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.5, 0.5, 0.5));

    @Test
    void theLoudnessPeakIsMeasuredAgainstTheWholeVideosMedian() {
        assertThat(timeline.summarise(new TimeRange(5_000, 8_000)).loudnessPeakAboveMedianDb()).isEqualTo(12.0);
        assertThat(timeline.summarise(new TimeRange(0, 4_000)).loudnessPeakAboveMedianDb()).isEqualTo(0.0);
    }

    @Test
    void overlappingSilencesAreMergedAndCountOnceInTheSpeechRatio() {
        assertThat(timeline.silences()).containsExactly(new TimeRange(1_000, 3_000), new TimeRange(8_000, 9_000));
        assertThat(timeline.summarise(new TimeRange(0, 4_000)).speechRatio()).isEqualTo(0.5);
    }

    @Test
    void aSceneCutCountsWhenItFallsInsideTheHalfOpenWindow() {
        assertThat(timeline.summarise(new TimeRange(4_000, 8_000)).sceneCuts()).isEqualTo(2);
    }

    @Test
    void motionIsAveragedOverHowMuchOfEachSecondTheWindowCovers() {
        assertThat(timeline.summarise(new TimeRange(4_500, 5_500)).meanMotion()).isEqualTo(0.25);
    }

    @Test
    void chatAndAiJudgementsStayAbsentUntilAdded() {
        WindowSignals window = timeline.summarise(new TimeRange(0, 10_000));

        assertThat(window.chatIntensity()).isEmpty();
        assertThat(window.hookStrength()).isEmpty();
        assertThat(window.emotionalIntensity()).isEmpty();
    }

    @Test
    void summarisingManyWindowsAtOnceGivesTheSameAsOneByOne() {
        List<TimeRange> windows = List.of(new TimeRange(0, 5_000), new TimeRange(3_000, 10_000));

        assertThat(timeline.summariseEach(windows))
                .containsExactly(timeline.summarise(windows.get(0)), timeline.summarise(windows.get(1)));
    }

    @Test
    void aWindowEndingAfterTheVideoIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> timeline.summarise(new TimeRange(5_000, 11_000)))
                .withMessageContaining("ends after the video");
    }

    @Test
    void aPartialLastSecondStillNeedsItsOwnSample() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EngagementTimeline(2_500, List.of(-20.0, -20.0), List.of(), List.of(), List.of(0.0, 0.0, 0.0)))
                .withMessageContaining("needs 3 loudness samples");
    }
}
