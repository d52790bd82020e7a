package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.MediaProbeContract;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MediaProbe.NotPlayable;
import dev.truss.application.port.media.MediaProbe.Playable;
import dev.truss.domain.asset.VideoProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeMediaProbeTest extends MediaProbeContract {

    private final InMemoryMedia media = new InMemoryMedia();

    @Override
    protected MediaProbe newProbe() {
        return new FakeMediaProbe(media);
    }

    @Override
    protected URI videoWithAudio() {
        return media.add(InMemoryMedia.video(12_000).bytes());
    }

    @Override
    protected URI videoWithoutAudio() {
        return media.add(InMemoryMedia.video(12_000).withoutAudio().bytes());
    }

    @Override
    protected URI audioOnly() {
        return media.add(InMemoryMedia.audioOnly(12_000).bytes());
    }

    @Override
    protected URI randomBytes() {
        return media.add(InMemoryMedia.randomBytes(4096, 7));
    }

    @Override
    protected URI emptyFile() {
        return media.add(new byte[0]);
    }

    @Test
    void the_builder_writes_the_documented_format() {
        String text = InMemoryMedia.video(120_000).loud(12, 18).loud(70, 75).cuts(10_000, 30_000)
                .silence(20_000, 21_000).motion(40, 50).text();

        assertThat(text).isEqualTo("""
                FAKEVIDEO v1
                duration_ms=120000
                container=mov,mp4
                codec=h264
                width=1920
                height=1080
                rotation=0
                fps=30
                video=true
                audio=true
                loud=12..18,70..75
                motion=40..50
                cuts=10000,30000
                silences=20000-21000
                """);
    }

    @Test
    void the_properties_are_those_the_file_declares() {
        URI uri = media.add("phone.mov", InMemoryMedia.video(65_432).size(1080, 1920).rotation(90).fps(29.97)
                .container("mov").codec("hevc").bytes());

        assertThat(newProbe().probe(uri))
                .isEqualTo(new Playable(new VideoProperties(65_432, "mov", "hevc", 1080, 1920, 90, 29.97, true)));
    }

    @Test
    void a_hand_written_file_with_only_a_duration_takes_the_defaults() {
        URI uri = media.add(text("FAKEVIDEO v1\n# a comment\n\nduration_ms=5000\n"));

        assertThat(newProbe().probe(uri))
                .isEqualTo(new Playable(new VideoProperties(5_000, "mov,mp4", "h264", 1920, 1080, 0, 30, true)));
    }

    @Test
    void the_reasons_tell_the_creator_what_is_wrong() {
        MediaProbe probe = newProbe();

        assertThat(probe.probe(emptyFile())).isEqualTo(new NotPlayable("the file is empty"));
        assertThat(probe.probe(randomBytes())).isEqualTo(new NotPlayable("the file is not a video Truss can read"));
        assertThat(probe.probe(audioOnly())).isEqualTo(new NotPlayable("the file has no video stream"));
    }

    @Test
    void a_damaged_file_is_not_playable_and_names_the_problem() {
        MediaProbe probe = newProbe();

        assertThat(probe.probe(media.add(text("FAKEVIDEO v1\nduration_ms=1000\nwidth=wide\n"))))
                .isInstanceOfSatisfying(NotPlayable.class, n -> assertThat(n.reason()).startsWith("the file is damaged")
                        .contains("width"));
        assertThat(probe.probe(media.add(text("FAKEVIDEO v1\nduration_ms=1000\ncolour=red\n"))))
                .isInstanceOfSatisfying(NotPlayable.class, n -> assertThat(n.reason()).contains("colour"));
        assertThat(probe.probe(media.add(text("FAKEVIDEO v1\nwidth=640\n"))))
                .isInstanceOfSatisfying(NotPlayable.class, n -> assertThat(n.reason()).contains("duration_ms"));
        assertThat(probe.probe(media.add(InMemoryMedia.video(10_000).cuts(10_000).bytes())))
                .isInstanceOfSatisfying(NotPlayable.class, n -> assertThat(n.reason()).contains("cut"));
        assertThat(probe.probe(media.add(InMemoryMedia.video(10_000).loud(8, 11).bytes())))
                .isInstanceOfSatisfying(NotPlayable.class, n -> assertThat(n.reason()).contains("loud"));
    }

    @Test
    void a_video_uploaded_to_the_in_memory_storage_is_probed_through_its_download_url() {
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        InMemoryObjectStorage storage = new InMemoryObjectStorage(clock);
        storage.preload("uploads/a.mp4", InMemoryMedia.video(90_000).bytes(), "video/mp4");
        FakeMediaProbe probe = new FakeMediaProbe(storage::fetch);

        MediaProbe.Result result = probe.probe(storage.presignDownload("uploads/a.mp4", Duration.ofMinutes(5)));

        assertThat(result).isInstanceOfSatisfying(Playable.class, p -> assertThat(p.video().durationMs()).isEqualTo(90_000));
        assertThat(probe.probes()).isEqualTo(1);
    }

    @Test
    void a_source_that_cannot_be_read_is_a_media_exception_not_a_verdict_on_the_file() {
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        InMemoryObjectStorage storage = new InMemoryObjectStorage(clock);
        storage.preload("uploads/a.mp4", InMemoryMedia.video(90_000).bytes(), "video/mp4");
        URI url = storage.presignDownload("uploads/a.mp4", Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> new FakeMediaProbe(storage::fetch).probe(url))
                .isInstanceOf(MediaException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> newProbe().probe(URI.create("memory://media/nothing-here")))
                .isInstanceOf(MediaException.class);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
