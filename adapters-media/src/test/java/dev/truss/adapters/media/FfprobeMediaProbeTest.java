package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.truss.application.contract.MediaProbeContract;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MediaProbe.NotPlayable;
import dev.truss.application.port.media.MediaProbe.Playable;
import dev.truss.domain.asset.VideoProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FfprobeMediaProbeTest extends MediaProbeContract {

    private static final HttpFiles HTTP = new HttpFiles();

    @TempDir
    Path directory;

    @AfterAll
    static void stopServer() {
        HTTP.close();
    }

    @Override
    protected MediaProbe newProbe() {
        return new FfprobeMediaProbe(TestVideos.ffmpeg());
    }

    @Override
    protected URI videoWithAudio() {
        return TestVideos.planted().toUri();
    }

    @Override
    protected URI videoWithoutAudio() {
        return TestVideos.withoutAudio().toUri();
    }

    @Override
    protected URI audioOnly() {
        return TestVideos.audioOnly().toUri();
    }

    @Override
    protected URI randomBytes() {
        return TestVideos.randomBytes().toUri();
    }

    @Override
    protected URI emptyFile() {
        return TestVideos.empty().toUri();
    }

    @Test
    void the_planted_video_reads_as_it_was_made() {
        VideoProperties video = playable(probe(TestVideos.planted()));

        assertThat(video.durationMs()).isCloseTo(TestVideos.PLANTED_DURATION_MS, offset(50L));
        assertThat(video.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(video.videoCodec()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(TestVideos.PLANTED_WIDTH);
        assertThat(video.height()).isEqualTo(TestVideos.PLANTED_HEIGHT);
        assertThat(video.rotationDegrees()).isZero();
        assertThat(video.framesPerSecond()).isEqualTo(TestVideos.PLANTED_FPS);
        assertThat(video.hasAudio()).isTrue();
    }

    @Test
    void a_video_marked_to_be_turned_reads_its_rotation_clockwise_and_shows_upright() {
        VideoProperties video = playable(probe(TestVideos.rotated()));

        assertThat(video.rotationDegrees()).isEqualTo(90);
        assertThat(video.displayWidth()).isEqualTo(TestVideos.PLANTED_HEIGHT);
        assertThat(video.displayHeight()).isEqualTo(TestVideos.PLANTED_WIDTH);
    }

    @Test
    void an_empty_file_is_refused_as_empty() {
        assertThat(reason(probe(TestVideos.empty()))).isEqualTo("the file is empty");
    }

    @Test
    void random_bytes_are_refused_as_not_a_video() {
        assertThat(reason(probe(TestVideos.randomBytes()))).startsWith("the file is not a video");
    }

    @Test
    void a_picture_is_refused_as_an_image_not_a_video_whatever_its_name_or_format() {
        assertThat(reason(probe(TestVideos.image()))).isEqualTo("the file is an image, not a video");
        assertThat(reason(probe(TestVideos.jpegNamedLikeAVideo()))).isEqualTo("the file is an image, not a video");
        assertThat(reason(probe(TestVideos.stillGif()))).isEqualTo("the file is an image, not a video");
    }

    @Test
    void sound_alone_is_refused_for_having_no_picture_even_with_album_art() {
        assertThat(reason(probe(TestVideos.audioOnly()))).contains("no picture");
        assertThat(reason(probe(TestVideos.audioWithCoverArt()))).contains("no picture");
    }

    @Test
    void an_mp4_cut_in_half_is_refused_as_incomplete() {
        assertThat(reason(probe(TestVideos.truncated()))).startsWith("the file is incomplete or damaged");
    }

    @Test
    void an_mp4_with_its_index_first_but_its_end_cut_off_is_refused_as_incomplete() {
        assertThat(reason(probe(TestVideos.truncatedFastStart()))).startsWith("the file is incomplete or damaged");
    }

    @Test
    void the_same_mp4_whole_with_its_index_first_is_playable() {
        assertThat(playable(probe(TestVideos.fastStart())).durationMs())
                .isCloseTo(TestVideos.PLANTED_DURATION_MS, offset(50L));
    }

    @Test
    void a_video_longer_than_the_limit_is_refused_with_both_lengths() {
        FfprobeMediaProbe probe = new FfprobeMediaProbe(TestVideos.ffmpeg(),
                FfprobeMediaProbe.Settings.defaults().withMaxDuration(Duration.ofSeconds(10)));

        assertThat(reason(probe.probe(TestVideos.planted().toUri())))
                .isEqualTo("the video lasts 13 s; Truss takes videos up to 10 s");
    }

    @Test
    void a_file_larger_than_the_limit_is_refused_before_ffprobe_reads_it() {
        FfprobeMediaProbe probe = new FfprobeMediaProbe(TestVideos.ffmpeg(),
                FfprobeMediaProbe.Settings.defaults().withMaxFileBytes(20_000));

        assertThat(reason(probe.probe(TestVideos.planted().toUri())))
                .matches("the file is \\d+ kB; Truss takes files up to 20 kB");
    }

    @Test
    void sizes_read_as_a_file_manager_shows_them() {
        assertThat(FfprobeMediaProbe.size(20_000_000_000L)).isEqualTo("20 GB");
        assertThat(FfprobeMediaProbe.size(25_340_000_000L)).isEqualTo("25.3 GB");
        assertThat(FfprobeMediaProbe.size(1_500_000)).isEqualTo("1.5 MB");
        assertThat(FfprobeMediaProbe.size(97_558)).isEqualTo("98 kB");
        assertThat(FfprobeMediaProbe.size(12)).isEqualTo("12 bytes");
    }

    @Test
    void durations_read_as_a_person_says_them() {
        assertThat(FfprobeMediaProbe.human(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(FfprobeMediaProbe.human(Duration.ofMinutes(192))).isEqualTo("3 h 12 min");
        assertThat(FfprobeMediaProbe.human(Duration.ofSeconds(45 * 60 + 3))).isEqualTo("45 min 3 s");
        assertThat(FfprobeMediaProbe.human(Duration.ofMillis(10_800_001))).isEqualTo("3 h 1 s");
        assertThat(FfprobeMediaProbe.human(Duration.ofMillis(400))).isEqualTo("1 s");
    }

    @Test
    void a_video_behind_a_presigned_url_is_probed_from_the_url() {
        URI url = HTTP.serve("planted.mp4", TestVideos.planted());

        VideoProperties video = playable(new FfprobeMediaProbe(TestVideos.ffmpeg()).probe(url));

        assertThat(video).isEqualTo(playable(probe(TestVideos.planted())));
    }

    @Test
    void a_url_cut_short_behind_the_server_is_refused_as_incomplete() {
        URI url = HTTP.serve("cut.mp4", TestVideos.truncatedFastStart());

        assertThat(reason(new FfprobeMediaProbe(TestVideos.ffmpeg()).probe(url)))
                .startsWith("the file is incomplete or damaged");
    }

    @Test
    void files_that_are_not_videos_are_refused_behind_a_url_too() {
        FfprobeMediaProbe probe = new FfprobeMediaProbe(TestVideos.ffmpeg());

        assertThat(reason(probe.probe(HTTP.serve("random.mp4", TestVideos.randomBytes()))))
                .startsWith("the file is not a video");
        assertThat(reason(probe.probe(HTTP.serve("half.mp4", TestVideos.truncated()))))
                .startsWith("the file is incomplete or damaged");
        assertThat(reason(probe.probe(HTTP.serve("tone.m4a", TestVideos.audioOnly())))).contains("no picture");
    }

    @Test
    void a_url_that_answers_404_is_a_media_exception_that_keeps_the_signature_out_of_its_message() {
        URI url = HTTP.url("expired.mp4");

        assertThatThrownBy(() -> new FfprobeMediaProbe(TestVideos.ffmpeg()).probe(url))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("404")
                .hasMessageNotContaining("secret-signature");
    }

    @Test
    void a_missing_file_is_a_media_exception_not_a_verdict_on_the_video() {
        assertThatThrownBy(() -> probe(directory.resolve("gone.mp4")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("gone.mp4");
    }

    @Test
    void an_ffprobe_that_cannot_start_is_a_media_exception() {
        Ffmpeg missing = new Ffmpeg(directory.resolve("ffmpeg"), directory.resolve("ffprobe"), Map.of());

        assertThatThrownBy(() -> new FfprobeMediaProbe(missing).probe(TestVideos.planted().toUri()))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("could not start");
    }

    @Test
    void a_source_neither_a_file_nor_a_url_is_a_media_exception() {
        assertThatThrownBy(() -> new FfprobeMediaProbe(TestVideos.ffmpeg()).probe(URI.create("s3://bucket/video.mp4")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("only file: and http(s):");
    }

    private static MediaProbe.Result probe(Path file) {
        return new FfprobeMediaProbe(TestVideos.ffmpeg()).probe(file.toUri());
    }

    private static VideoProperties playable(MediaProbe.Result result) {
        assertThat(result).isInstanceOf(Playable.class);
        return ((Playable) result).video();
    }

    private static String reason(MediaProbe.Result result) {
        assertThat(result).isInstanceOf(NotPlayable.class);
        return ((NotPlayable) result).reason();
    }
}
