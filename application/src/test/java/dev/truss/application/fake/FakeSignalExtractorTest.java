package dev.truss.application.fake;

import static dev.truss.application.fake.FakeSignalExtractor.CUT_SCORE;
import static dev.truss.application.fake.FakeSignalExtractor.LOUD_DB;
import static dev.truss.application.fake.FakeSignalExtractor.MOVING;
import static dev.truss.application.fake.FakeSignalExtractor.NO_AUDIO_DB;
import static dev.truss.application.fake.FakeSignalExtractor.QUIET_DB;
import static dev.truss.application.fake.FakeSignalExtractor.SILENT_DB;
import static dev.truss.application.fake.FakeSignalExtractor.STILL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.SignalExtractorContract;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.SignalExtractor;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeSignalExtractorTest extends SignalExtractorContract {

    private static final VideoProperties ANY_VIDEO = new VideoProperties(1_000, "mov,mp4", "h264", 1920, 1080, 0, 30, true);

    private final InMemoryMedia media = new InMemoryMedia();

    @Override
    protected SignalExtractor newExtractor() {
        return new FakeSignalExtractor(media);
    }

    @Override
    protected MediaProbe newProbe() {
        return new FakeMediaProbe(media);
    }

    @Override
    protected URI playableVideo() {
        return media.add(InMemoryMedia.video(62_500).loud(12, 18).cuts(10_000, 30_000).silence(20_000, 21_500)
                .motion(40, 50).bytes());
    }

    @Override
    protected URI undecodableFile() {
        return media.add(InMemoryMedia.randomBytes(2048, 3));
    }

    @Test
    void the_timeline_is_the_one_the_file_declares() {
        URI source = media.add(InMemoryMedia.video(120_000).loud(12, 18).loud(70, 75).cuts(10_000, 30_000)
                .silence(20_000, 21_000).motion(40, 50).bytes());

        EngagementTimeline timeline = new FakeSignalExtractor(media).extract(source, ANY_VIDEO, percent -> { });

        assertThat(timeline.durationMs()).isEqualTo(120_000);
        List<Double> loudness = timeline.loudnessPerSecondDb();
        assertThat(loudness).hasSize(120);
        assertThat(loudness.subList(12, 18)).containsOnly(LOUD_DB);
        assertThat(loudness.subList(70, 75)).containsOnly(LOUD_DB);
        assertThat(loudness.get(11)).isEqualTo(QUIET_DB);
        assertThat(loudness.get(18)).isEqualTo(QUIET_DB);
        assertThat(loudness.get(20)).isEqualTo(SILENT_DB);
        assertThat(loudness.stream().filter(db -> db == LOUD_DB)).hasSize(11);
        assertThat(timeline.silences()).containsExactly(new TimeRange(20_000, 21_000));
        assertThat(timeline.sceneCuts()).containsExactly(new SceneCut(10_000, CUT_SCORE), new SceneCut(30_000, CUT_SCORE));
        assertThat(timeline.motionPerSecond().subList(40, 50)).containsOnly(MOVING);
        assertThat(timeline.motionPerSecond().stream().filter(m -> m == STILL)).hasSize(110);
    }

    @Test
    void a_second_is_silent_only_when_a_silence_covers_it_whole_and_silence_wins_over_loud() {
        URI source = media.add(InMemoryMedia.video(10_000).loud(0, 10).silence(2_500, 5_000).silence(4_000, 6_000)
                .bytes());

        EngagementTimeline timeline = new FakeSignalExtractor(media).extract(source, ANY_VIDEO, percent -> { });

        assertThat(timeline.loudnessPerSecondDb())
                .containsExactly(LOUD_DB, LOUD_DB, LOUD_DB, SILENT_DB, SILENT_DB, SILENT_DB, LOUD_DB, LOUD_DB, LOUD_DB,
                        LOUD_DB);
        assertThat(timeline.silences()).containsExactly(new TimeRange(2_500, 6_000));
    }

    @Test
    void a_partial_last_second_gets_its_own_sample() {
        URI source = media.add(InMemoryMedia.video(2_500).loud(2, 3).silence(2_000, 2_500).bytes());

        EngagementTimeline timeline = new FakeSignalExtractor(media).extract(source, ANY_VIDEO, percent -> { });

        assertThat(timeline.loudnessPerSecondDb()).containsExactly(QUIET_DB, QUIET_DB, SILENT_DB);
        assertThat(timeline.motionPerSecond()).hasSize(3);
    }

    @Test
    void a_video_without_audio_is_silent_throughout() {
        URI source = media.add(InMemoryMedia.video(5_000).withoutAudio().loud(1, 3).bytes());

        EngagementTimeline timeline = new FakeSignalExtractor(media).extract(source, ANY_VIDEO, percent -> { });

        assertThat(timeline.loudnessPerSecondDb()).containsOnly(NO_AUDIO_DB).hasSize(5);
        assertThat(timeline.silences()).containsExactly(new TimeRange(0, 5_000));
    }

    @Test
    void a_file_without_video_or_nowhere_to_be_read_is_a_media_exception() {
        FakeSignalExtractor extractor = new FakeSignalExtractor(media);
        URI audio = media.add(InMemoryMedia.audioOnly(5_000).bytes());

        assertThatThrownBy(() -> extractor.extract(audio, ANY_VIDEO, percent -> { }))
                .isInstanceOf(MediaException.class).hasMessageContaining("no video stream");
        assertThatThrownBy(() -> extractor.extract(URI.create("memory://media/gone"), ANY_VIDEO, percent -> { }))
                .isInstanceOf(MediaException.class);
    }

    @Test
    void an_extractor_told_to_fail_fails_that_often_then_works() {
        FakeSignalExtractor extractor = new FakeSignalExtractor(media);
        URI source = playableVideo();
        extractor.failNext(2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> extractor.extract(source, ANY_VIDEO, percent -> { }))
                    .isInstanceOf(MediaException.class);
        }
        assertThat(extractor.extract(source, ANY_VIDEO, percent -> { }).durationMs()).isEqualTo(62_500);
        assertThat(extractor.attempts()).isEqualTo(3);
    }

    @Test
    void progress_is_reported_at_most_once_per_percent() {
        List<Integer> reported = new ArrayList<>();

        new FakeSignalExtractor(media).extract(media.add(InMemoryMedia.video(3_600_000).bytes()), ANY_VIDEO,
                reported::add);

        assertThat(reported).hasSize(101).doesNotHaveDuplicates().startsWith(0, 1, 2).endsWith(100);
    }
}
