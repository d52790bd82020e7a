package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.application.port.media.MomentDetector.Moment;
import dev.truss.domain.asset.Chapter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MomentDetector} must do: propose moments inside the video, with titles
 * and judgements within 0–1, and chapters in order without overlaps. An AI adapter's test
 * runs it against a stub of the model; detectors need not be deterministic, but every
 * answer must be valid.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class MomentDetectorContract {

    private MomentDetector detector;

    protected abstract MomentDetector newDetector();

    /**
     * A video of a minute or more with something worth clipping (loud, moving parts and scene
     * cuts), its probed properties and its measured timeline.
     */
    protected abstract MomentDetector.Request request() throws Exception;

    /** Whether the same request always gets the same detection; then the suite checks that it does. */
    protected boolean isDeterministic() {
        return false;
    }

    @BeforeEach
    void newDetectorForEachTest() {
        detector = newDetector();
    }

    @Test
    void a_lively_video_has_moments_and_all_lie_inside_it() throws Exception {
        MomentDetector.Request request = request();

        Detection detection = detector.detect(request, percent -> { });

        assertThat(detection.moments()).isNotEmpty().allSatisfy(moment ->
                assertThat(moment.range().endMs()).isLessThanOrEqualTo(request.timeline().durationMs()));
    }

    @Test
    void every_moment_has_a_title_and_judgements_within_0_and_1() throws Exception {
        Detection detection = detector.detect(request(), percent -> { });

        assertThat(detection.moments()).allSatisfy(moment -> {
            assertThat(moment.title()).isNotBlank();
            assertUnit(moment.hookStrength());
            assertUnit(moment.emotionalIntensity());
        });
    }

    @Test
    void chapters_are_in_order_without_overlaps_and_inside_the_video() throws Exception {
        MomentDetector.Request request = request();

        List<Chapter> chapters = detector.detect(request, percent -> { }).chapters();

        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            assertThat(chapter.title()).isNotBlank();
            assertThat(chapter.range().endMs()).isLessThanOrEqualTo(request.timeline().durationMs());
            if (i > 0) {
                assertThat(chapter.range().startMs()).isGreaterThanOrEqualTo(chapters.get(i - 1).range().endMs());
            }
        }
    }

    @Test
    void the_transcript_if_any_lies_inside_the_video_and_the_detection_names_its_detector() throws Exception {
        MomentDetector.Request request = request();

        Detection detection = detector.detect(request, percent -> { });

        assertThat(detection.transcript()).allSatisfy(segment ->
                assertThat(segment.range().endMs()).isLessThanOrEqualTo(request.timeline().durationMs()));
        assertThat(detection.detector()).isNotBlank();
    }

    @Test
    void progress_never_goes_backwards_nor_past_100() throws Exception {
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());

        detector.detect(request(), reported::add);

        assertThat(reported).isSorted().allSatisfy(p -> assertThat(p).isBetween(0, 100));
    }

    @Test
    void detecting_again_gives_a_valid_answer_and_the_same_one_when_deterministic() throws Exception {
        MomentDetector.Request request = request();

        Detection first = detector.detect(request, percent -> { });
        Detection second = detector.detect(request, percent -> { });

        assertThat(second.moments()).extracting(Moment::range).allSatisfy(range ->
                assertThat(range.endMs()).isLessThanOrEqualTo(request.timeline().durationMs()));
        if (isDeterministic()) {
            assertThat(second).isEqualTo(first);
        }
    }

    private static void assertUnit(OptionalDouble judgement) {
        if (judgement.isPresent()) {
            assertThat(judgement.getAsDouble()).isBetween(0.0, 1.0);
        }
    }
}
