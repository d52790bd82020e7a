package dev.truss.application.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.virality.EngagementTimeline;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LocalMomentDetectorPropertiesTest {

    // Each try detects over a whole video; 100 random videos cover the shapes without a slow build.
    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void everyMomentLiesInsideTheVideoWithinThePolicysLengths(@ForAll("timelines") EngagementTimeline timeline,
                                                              @ForAll("policies") SelectionPolicy policy) {
        Detection detection = detect(timeline, policy, new ArrayList<>());

        assertThat(detection.moments()).allSatisfy(moment -> {
            assertThat(moment.range().endMs()).isLessThanOrEqualTo(timeline.durationMs());
            assertThat(policy.allowsLength(moment.range().durationMs())).isTrue();
        });
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void proposalsStayWithinTheBudgetAndCarryNoJudgement(@ForAll("timelines") EngagementTimeline timeline,
                                                          @ForAll("policies") SelectionPolicy policy) {
        Detection detection = detect(timeline, policy, new ArrayList<>());

        assertThat(detection.moments()).hasSizeLessThanOrEqualTo(CandidateWindows.MAX_PROPOSALS).allSatisfy(moment -> {
            assertThat(moment.hookStrength()).isEmpty();
            assertThat(moment.emotionalIntensity()).isEmpty();
            assertThat(moment.reason()).startsWith("Measured signals only");
        });
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void aVideoLongEnoughForAClipGetsAtLeastOneMoment(@ForAll("timelines") EngagementTimeline timeline,
                                                      @ForAll("policies") SelectionPolicy policy) {
        Detection detection = detect(timeline, policy, new ArrayList<>());

        assertThat(detection.moments().isEmpty()).isEqualTo(timeline.durationMs() < policy.minLengthMs());
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void theSameSignalsAlwaysGiveTheSameDetection(@ForAll("timelines") EngagementTimeline timeline,
                                                  @ForAll("policies") SelectionPolicy policy) {
        assertThat(detect(timeline, policy, new ArrayList<>())).isEqualTo(detect(timeline, policy, new ArrayList<>()));
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void chaptersCoverTheVideoInOrderAtASensibleLength(@ForAll("timelines") EngagementTimeline timeline) {
        List<Chapter> chapters = detect(timeline, SelectionPolicy.defaults(), new ArrayList<>()).chapters();

        assertThat(chapters).isNotEmpty().hasSizeLessThanOrEqualTo(SignalChapters.maxChapters(timeline.durationMs()));
        assertThat(chapters.get(0).range().startMs()).isZero();
        assertThat(chapters.get(chapters.size() - 1).range().endMs()).isEqualTo(timeline.durationMs());
        for (int i = 1; i < chapters.size(); i++) {
            assertThat(chapters.get(i).range().startMs()).isEqualTo(chapters.get(i - 1).range().endMs());
        }
        if (chapters.size() > 1) {
            assertThat(chapters).allSatisfy(chapter ->
                    assertThat(chapter.range().durationMs()).isGreaterThanOrEqualTo(SignalChapters.MIN_CHAPTER_MS));
        }
        assertThat(chapters).allSatisfy(chapter -> assertThat(chapter.title()).startsWith("Part "));
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void progressRisesFrom0To100(@ForAll("timelines") EngagementTimeline timeline) {
        List<Integer> reported = new ArrayList<>();

        detect(timeline, SelectionPolicy.defaults(), reported);

        assertThat(reported).isSorted().startsWith(0).endsWith(100);
    }

    @Provide
    Arbitrary<EngagementTimeline> timelines() {
        return TimelineArbitraries.timelines();
    }

    @Provide
    Arbitrary<SelectionPolicy> policies() {
        return TimelineArbitraries.policies();
    }

    private static Detection detect(EngagementTimeline timeline, SelectionPolicy policy, List<Integer> progress) {
        MomentDetector.Request request = new MomentDetector.Request(URI.create("file:///videos/any.mp4"),
                new VideoProperties(timeline.durationMs(), "mov,mp4", "h264", 1280, 720, 0, 25, true), timeline);
        return new LocalMomentDetector(policy).detect(request, progress::add);
    }
}
