package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.VideoPartsContract;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.VideoParts;
import dev.truss.application.port.media.VideoParts.Part;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FakeVideoPartsTest extends VideoPartsContract {

    private final InMemoryMedia media = new InMemoryMedia();
    private FakeVideoParts parts;

    @Override
    protected VideoParts newParts() {
        parts = new FakeVideoParts(media);
        return parts;
    }

    @Override
    protected MediaProbe newProbe() {
        return new FakeMediaProbe(media);
    }

    @Override
    protected URI videoWithAudio() {
        return media.add("source.mp4", InMemoryMedia.video(60_000).loud(10, 20).bytes());
    }

    @Override
    protected URI videoWithoutAudio() {
        return media.add("silent.mp4", InMemoryMedia.video(12_000).withoutAudio().bytes());
    }

    @Override
    protected URI undecodableFile() {
        return media.add("broken.mp4", InMemoryMedia.randomBytes(1024, 5));
    }

    @Test
    void a_part_records_its_source_and_range_and_reads_as_a_small_video() throws Exception {
        URI source = videoWithAudio();

        Part part = parts.cut(source, List.of(new TimeRange(6_000, 9_000)), outputDirectory(), p -> { }).get(0);

        assertThat(part.file().getFileName().toString()).startsWith("part-1-6000-9000-").endsWith(".mp4");
        assertThat(FakeVideoParts.range(part.file())).isEqualTo(new TimeRange(6_000, 9_000));
        assertThat(FakeVideoParts.source(part.file())).isEqualTo(source);
        VideoProperties video = playable(part);
        assertThat(video.durationMs()).isEqualTo(3_000);
        assertThat(video.width()).isEqualTo(640);
        assertThat(video.height()).isEqualTo(360);
        assertThat(video.framesPerSecond()).isEqualTo(2);
        assertThat(parts.cuts()).containsExactly(new FakeVideoParts.Cut(source, List.of(new TimeRange(6_000, 9_000)),
                outputDirectory()));
        assertThat(Files.readString(part.file())).contains(FakeVideoParts.label(source, new TimeRange(6_000, 9_000)));
    }

    @Test
    void a_rotated_phone_video_gives_upright_parts_with_their_short_side_at_360() {
        URI phone = media.add("phone.mov", InMemoryMedia.video(20_000).size(1920, 1080).rotation(90).bytes());

        Part part = parts.cut(phone, List.of(new TimeRange(0, 5_000)), outputDirectory(), p -> { }).get(0);

        VideoProperties video = playable(part);
        assertThat(video.width()).isEqualTo(360);
        assertThat(video.height()).isEqualTo(640);
        assertThat(video.rotationDegrees()).isZero();
    }

    @Test
    void a_picture_smaller_than_the_proxy_is_not_enlarged() {
        assertThat(FakeVideoParts.proxySize(320, 180)).containsExactly(320, 180);
        assertThat(FakeVideoParts.proxySize(3840, 2160)).containsExactly(640, 360);
        assertThat(FakeVideoParts.proxySize(1440, 1080)).containsExactly(480, 360);
    }

    @Test
    void a_cut_told_to_fail_removes_the_part_it_wrote() throws Exception {
        URI source = videoWithAudio();
        List<Integer> reported = new ArrayList<>();
        parts.failNext(1);

        assertThatThrownBy(() -> parts.cut(source, List.of(new TimeRange(0, 2_000), new TimeRange(2_000, 4_000)),
                outputDirectory(), reported::add)).isInstanceOf(MediaException.class);

        assertThat(reported).containsExactly(0);
        try (Stream<Path> files = Files.list(outputDirectory())) {
            assertThat(files).isEmpty();
        }
        assertThat(parts.cuts()).isEmpty();
        assertThat(parts.cut(source, List.of(new TimeRange(0, 2_000)), outputDirectory(), p -> { })).hasSize(1);
        assertThat(parts.attempts()).isEqualTo(2);
    }

    @Test
    void an_audio_only_file_has_no_parts() {
        URI sound = media.add("sound.m4a", InMemoryMedia.audioOnly(12_000).bytes());

        assertThatThrownBy(() -> parts.cut(sound, List.of(new TimeRange(0, 1_000)), outputDirectory(), p -> { }))
                .isInstanceOf(MediaException.class).hasMessageContaining("no video");
    }
}
