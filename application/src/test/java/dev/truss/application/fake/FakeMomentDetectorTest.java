package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.MomentDetectorContract;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.application.port.media.MomentDetector.Moment;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeMomentDetectorTest extends MomentDetectorContract {

    private final InMemoryMedia media = new InMemoryMedia();

    @Override
    protected MomentDetector newDetector() {
        return new FakeMomentDetector();
    }

    @Override
    protected MomentDetector.Request request() {
        return request(InMemoryMedia.video(120_000).loud(12, 18).loud(70, 75).cuts(10_000, 30_000)
                .silence(20_000, 21_000).motion(40, 50));
    }

    @Override
    protected boolean isDeterministic() {
        return true;
    }

    @Test
    void it_proposes_windows_of_20_and_30_seconds_every_5_seconds() {
        Detection detection = new FakeMomentDetector().detect(request(InMemoryMedia.video(60_000)), p -> { });

        List<TimeRange> ranges = detection.moments().stream().map(Moment::range).toList();
        assertThat(ranges).hasSize(9 + 7)
                .startsWith(new TimeRange(0, 20_000), new TimeRange(5_000, 25_000))
                .contains(new TimeRange(40_000, 60_000), new TimeRange(0, 30_000), new TimeRange(30_000, 60_000))
                .doesNotHaveDuplicates();
    }

    @Test
    void moments_are_titled_by_their_start_and_carry_no_judgements() {
        Detection detection = new FakeMomentDetector().detect(request(), p -> { });

        assertThat(detection.moments()).extracting(Moment::title).contains("Moment at 0:00", "Moment at 0:40",
                "Moment at 1:30");
        assertThat(detection.moments()).allSatisfy(moment -> {
            assertThat(moment.hookStrength()).isEmpty();
            assertThat(moment.emotionalIntensity()).isEmpty();
            assertThat(moment.reason()).isNotBlank();
        });
        assertThat(detection.notes()).singleElement().asString().contains("local detector");
    }

    @Test
    void chapters_are_cut_at_the_scene_cuts() {
        Detection detection = new FakeMomentDetector().detect(request(), p -> { });

        assertThat(detection.chapters()).containsExactly(
                new Chapter(new TimeRange(0, 10_000), "Part 1 (0:00)", ""),
                new Chapter(new TimeRange(10_000, 30_000), "Part 2 (0:10)", ""),
                new Chapter(new TimeRange(30_000, 120_000), "Part 3 (0:30)", ""));
    }

    @Test
    void a_video_without_cuts_is_one_chapter_and_a_cut_at_0_adds_none() {
        assertThat(new FakeMomentDetector().detect(request(InMemoryMedia.video(45_000)), p -> { }).chapters())
                .extracting(Chapter::range).containsExactly(new TimeRange(0, 45_000));
        assertThat(new FakeMomentDetector().detect(request(InMemoryMedia.video(45_000).cuts(0)), p -> { }).chapters())
                .extracting(Chapter::range).containsExactly(new TimeRange(0, 45_000));
    }

    @Test
    void a_video_shorter_than_every_window_is_one_moment() {
        Detection detection = new FakeMomentDetector().detect(request(InMemoryMedia.video(8_500)), p -> { });

        assertThat(detection.moments()).extracting(Moment::range).containsExactly(new TimeRange(0, 8_500));
    }

    @Test
    void the_windows_can_be_chosen() {
        FakeMomentDetector detector = new FakeMomentDetector(List.of(Duration.ofSeconds(60)), Duration.ofSeconds(30));

        Detection detection = detector.detect(request(InMemoryMedia.video(3_700_000)), p -> { });

        assertThat(detection.moments()).hasSize(122);
        assertThat(detection.moments().get(detection.moments().size() - 1).title()).isEqualTo("Moment at 1:00:30");
    }

    @Test
    void a_detector_told_to_fail_fails_that_often_then_works() {
        FakeMomentDetector detector = new FakeMomentDetector();
        detector.failNext(1);

        assertThatThrownBy(() -> detector.detect(request(), p -> { })).isInstanceOf(MediaException.class);
        assertThat(detector.detect(request(), p -> { }).moments()).isNotEmpty();
        assertThat(detector.attempts()).isEqualTo(2);
    }

    private MomentDetector.Request request(InMemoryMedia.Builder video) {
        URI source = media.add(video.bytes());
        VideoProperties properties = ((MediaProbe.Playable) new FakeMediaProbe(media).probe(source)).video();
        return new MomentDetector.Request(source, properties,
                new FakeSignalExtractor(media).extract(source, properties, p -> { }));
    }
}
