package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.SignalExtractor;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SignalExtractor} must do: measure a playable video into a timeline that
 * fits the video, reporting its progress, and refuse what it cannot decode. The properties
 * handed to the extractor come from the adapter's own {@link MediaProbe}, as in production.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SignalExtractorContract {

    /** How far the timeline's duration may stray from the probed one (decoders round differently). */
    protected static final long DURATION_TOLERANCE_MS = 1000;

    private SignalExtractor extractor;

    protected abstract SignalExtractor newExtractor();

    /** A probe that reads the same files, to learn the properties the extractor is given. */
    protected abstract MediaProbe newProbe();

    /** A short playable video (a few seconds to a minute) with sound. */
    protected abstract URI playableVideo() throws Exception;

    /** A file that cannot be decoded (random bytes, say). */
    protected abstract URI undecodableFile() throws Exception;

    @BeforeEach
    void newExtractorForEachTest() {
        extractor = newExtractor();
    }

    @Test
    void a_playable_video_gives_a_timeline_as_long_as_the_probe_says() throws Exception {
        URI source = playableVideo();
        VideoProperties video = probed(source);

        EngagementTimeline timeline = extractor.extract(source, video, percent -> { });

        assertThat(timeline.durationMs()).isCloseTo(video.durationMs(), offset(DURATION_TOLERANCE_MS));
    }

    @Test
    void there_is_one_loudness_and_one_motion_sample_per_started_second() throws Exception {
        URI source = playableVideo();

        EngagementTimeline timeline = extractor.extract(source, probed(source), percent -> { });

        int seconds = (int) ((timeline.durationMs() + 999) / 1000);
        assertThat(timeline.loudnessPerSecondDb()).hasSize(seconds).allSatisfy(db -> assertThat(db).isFinite());
        assertThat(timeline.motionPerSecond()).hasSize(seconds).allSatisfy(m -> assertThat(m).isBetween(0.0, 1.0));
    }

    @Test
    void silences_and_scene_cuts_lie_inside_the_video() throws Exception {
        URI source = playableVideo();

        EngagementTimeline timeline = extractor.extract(source, probed(source), percent -> { });

        assertThat(timeline.silences()).allSatisfy(silence ->
                assertThat(silence.endMs()).isLessThanOrEqualTo(timeline.durationMs()));
        assertThat(timeline.sceneCuts()).allSatisfy(cut -> {
            assertThat(cut.atMs()).isBetween(0L, timeline.durationMs() - 1);
            assertThat(cut.score()).isBetween(0.0, 1.0);
        });
        assertThat(timeline.sceneCuts()).extracting(SceneCut::atMs).isSorted();
        assertThat(timeline.silences()).extracting(TimeRange::startMs).isSorted();
    }

    @Test
    void progress_rises_monotonically_to_100() throws Exception {
        URI source = playableVideo();
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());

        extractor.extract(source, probed(source), reported::add);

        assertThat(reported).isNotEmpty().isSorted().allSatisfy(p -> assertThat(p).isBetween(0, 100));
        assertThat(reported.get(reported.size() - 1)).isEqualTo(100);
    }

    @Test
    void measuring_the_same_video_twice_gives_timelines_of_the_same_length() throws Exception {
        URI source = playableVideo();
        VideoProperties video = probed(source);

        EngagementTimeline first = extractor.extract(source, video, percent -> { });
        EngagementTimeline second = extractor.extract(source, video, percent -> { });

        assertThat(second.durationMs()).isEqualTo(first.durationMs());
        assertThat(second.loudnessPerSecondDb()).hasSameSizeAs(first.loudnessPerSecondDb());
    }

    @Test
    void an_undecodable_file_is_a_media_exception() throws Exception {
        URI playable = playableVideo();
        VideoProperties claimed = probed(playable); // as if the file was replaced after probing
        URI broken = undecodableFile();

        assertThatThrownBy(() -> extractor.extract(broken, claimed, percent -> { }))
                .isInstanceOf(MediaException.class);
    }

    private VideoProperties probed(URI source) {
        MediaProbe.Result result = newProbe().probe(source);
        assertThat(result).as("the contract's sample video must be playable").isInstanceOf(MediaProbe.Playable.class);
        return ((MediaProbe.Playable) result).video();
    }
}
