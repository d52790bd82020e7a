package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.truss.application.contract.VideoPartsContract;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.VideoParts;
import dev.truss.application.port.media.VideoParts.Part;
import dev.truss.domain.time.TimeRange;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The parts contract on the bundled FFmpeg, and what the proxies are: small, upright, on the
 * source's timeline, with or without sound as the source. The samples are {@link TestVideos}.
 */
class FfmpegVideoPartsContractTest extends VideoPartsContract {

    private static final HttpFiles HTTP = new HttpFiles();

    @AfterAll
    static void stopServer() {
        HTTP.close();
    }

    @Override
    protected VideoParts newParts() {
        return new FfmpegVideoParts(TestVideos.ffmpeg());
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
    protected URI undecodableFile() {
        return TestVideos.randomBytes().toUri();
    }

    @Test
    void a_part_is_a_640_by_360_h264_aac_mono_mp4_at_2_fps_with_its_index_first() throws Exception {
        Part part = cut(TestVideos.hd(), new TimeRange(500, 3_500));

        RenderFixtures.Clip clip = RenderFixtures.inspect(part.file());
        assertThat(clip.width()).isEqualTo(640);
        assertThat(clip.height()).isEqualTo(360);
        assertThat(clip.sampleAspect()).isIn("1:1", "");
        assertThat(clip.videoCodec()).isEqualTo("h264");
        assertThat(clip.pixelFormat()).isEqualTo("yuv420p");
        assertThat(clip.framesPerSecond()).isEqualTo(2.0);
        assertThat(clip.frames()).isEqualTo(6);
        assertThat(clip.videoSeconds()).isCloseTo(3.0, within(0.5));
        assertThat(clip.audioCodec()).isEqualTo("aac");
        assertThat(clip.channels()).isEqualTo(1);
        assertThat(clip.sampleRate()).isEqualTo(48_000);
        assertThat(clip.audioSeconds()).isCloseTo(3.0, within(0.05));
        List<String> boxes = RenderFixtures.topLevelBoxes(part.file());
        assertThat(boxes.indexOf("moov")).as("faststart: the index comes before the media").isNotNegative()
                .isLessThan(boxes.indexOf("mdat"));
    }

    @Test
    void a_part_is_far_smaller_per_second_than_its_source() throws Exception {
        Path source = TestVideos.hd();
        TimeRange range = new TimeRange(0, 4_000);

        Part part = cut(source, range);

        double sourcePerSecond = Files.size(source) / 4.0;
        double partPerSecond = Files.size(part.file()) / 4.0;
        assertThat(partPerSecond).as("bytes a second: the part's against the source's %.0f", sourcePerSecond)
                .isLessThan(sourcePerSecond / 20);
        assertThat(partPerSecond).as("bytes a second: 64 kb/s of sound and a little picture, under 200 kb/s")
                .isLessThan(25_000);
    }

    @Test
    void the_source_metadata_such_as_its_location_stays_out_of_the_parts() throws Exception {
        Path source = TestVideos.hd();
        assertThat(formatTags(source)).as("the sample has a location").contains("48.8584");

        Part part = cut(source, new TimeRange(0, 1_000));

        assertThat(formatTags(part.file())).doesNotContain("48.8584").doesNotContainIgnoringCase("location");
    }

    @Test
    void a_parts_first_second_shows_what_the_source_shows_at_the_range_start() throws Exception {
        Path source = TestVideos.planted();
        // still bars; the sliding square; blue with the square, then yellow after the cut at 7.6 s
        for (TimeRange range : List.of(new TimeRange(1_000, 3_000), new TimeRange(5_000, 7_000),
                new TimeRange(7_000, 9_000))) {
            Part part = cut(source, range);
            for (double at : List.of(0.0, 0.5, 1.0)) {
                assertShowsTheSame(part.file(), at, source, range.startMs() / 1000.0 + at);
            }
        }
    }

    @Test
    void a_part_starting_mid_slide_has_the_square_where_the_source_has_it_then() throws Exception {
        // The square's left edge is at 10 + 60 px/s since 3.6 s; it is 48 px wide: its middle is at 118 px at 5 s.
        Part part = cut(TestVideos.planted(), new TimeRange(5_000, 7_000));

        assertThat(brightCentre(part.file(), 0.0)).isCloseTo(118, within(5.0));
        assertThat(brightCentre(part.file(), 1.0)).isCloseTo(178, within(5.0));
    }

    @Test
    void a_range_starting_between_two_source_frames_has_a_picture_from_its_first_instant_to_its_end()
            throws Exception {
        // At 25 fps the source's frames are 40 ms apart: the first one inside [5.010 s, 7.010 s) is at 5.040 s.
        Part part = cut(TestVideos.planted(), new TimeRange(5_010, 7_010));

        String video = RenderFixtures.run().probe(List.of("-v", "error", "-select_streams", "v", "-count_frames",
                "-show_entries", "stream=start_time,duration,nb_read_frames", "-of", "default=nw=1",
                "file:" + part.file()), Duration.ofSeconds(30)).stdout();
        assertThat(video).contains("start_time=0.000000", "duration=2.000000", "nb_read_frames=4");
        assertThat(brightCentre(part.file(), 0.0)).isCloseTo(120.4, within(5.0));
    }

    @Test
    void a_rotated_phone_video_comes_out_upright() throws Exception {
        Path phone = TestVideos.phone();
        assertThat(RenderFixtures.inspect(phone).rotated()).as("the sample is stored turned").isTrue();

        Part part = cut(phone, new TimeRange(500, 2_500));

        RenderFixtures.Clip clip = RenderFixtures.inspect(part.file());
        assertThat(clip.rotated()).as("no display matrix left").isFalse();
        assertThat(clip.width()).isEqualTo(180);
        assertThat(clip.height()).isEqualTo(320);
        assertThat(clip.channels()).as("the stereo sound is mixed to mono").isEqualTo(1);
        for (double at : List.of(0.0, 1.0)) {
            assertShowsTheSame(part.file(), at, phone, 0.5 + at);
        }
    }

    @Test
    void a_video_without_audio_gives_parts_without_an_audio_stream() throws Exception {
        Part part = cut(TestVideos.withoutAudio(), new TimeRange(2_000, 5_000));

        RenderFixtures.Clip clip = RenderFixtures.inspect(part.file());
        assertThat(clip.audioCodec()).isEmpty();
        assertThat(clip.videoSeconds()).isCloseTo(3.0, within(0.5));
    }

    @Test
    void a_presigned_url_is_read_over_http() throws Exception {
        URI url = HTTP.serve("planted.mp4", TestVideos.planted());

        List<Part> parts = newParts().cut(url, List.of(new TimeRange(8_000, 10_000)), outputDirectory(), p -> { });

        assertThat(RenderFixtures.inspect(parts.get(0).file()).videoSeconds()).isCloseTo(2.0, within(0.5));
    }

    @Test
    void a_url_that_cannot_be_read_fails_without_its_signature_in_the_message() {
        URI missing = HTTP.url("gone.mp4");

        assertThatThrownBy(() -> newParts().cut(missing, List.of(new TimeRange(0, 1_000)), outputDirectory(),
                p -> { })).isInstanceOf(MediaException.class).message().doesNotContain("secret-signature");
    }

    @Test
    void a_cut_cancelled_by_interrupt_removes_the_parts_it_had_finished() throws Exception {
        List<TimeRange> ranges = IntStream.range(0, 30).mapToObj(i -> new TimeRange(i * 300L, i * 300L + 2_000))
                .toList();
        CountDownLatch secondPart = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                newParts().cut(TestVideos.planted().toUri(), ranges, outputDirectory(), percent -> {
                    if (percent > 1 + 98 / 30) {
                        secondPart.countDown();
                    }
                });
            } catch (RuntimeException e) {
                outcome.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "cut-parts");
        worker.start();
        assertThat(secondPart.await(60, TimeUnit.SECONDS)).isTrue();

        worker.interrupt();
        worker.join(60_000);

        assertThat(outcome.get()).isInstanceOf(MediaException.class).hasMessageContaining("cancelled");
        assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
        try (Stream<Path> files = Files.list(outputDirectory())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_part_that_overruns_its_deadline_fails_and_leaves_no_file() throws Exception {
        VideoParts impatient = new FfmpegVideoParts(TestVideos.ffmpeg(),
                PartSettings.defaults().withTimeout(Duration.ofMillis(1), Duration.ZERO));

        assertThatThrownBy(() -> impatient.cut(TestVideos.planted().toUri(), List.of(new TimeRange(0, 10_000)),
                outputDirectory(), p -> { })).isInstanceOf(MediaException.class).hasMessageContaining("did not finish");
        try (Stream<Path> files = Files.list(outputDirectory())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void the_command_seeks_before_the_input_and_a_url_may_use_network_protocols_only() {
        MediaSource url = MediaSource.of(URI.create("https://bucket.example/v.mp4?X-Signature=s"));

        List<String> arguments = FfmpegVideoParts.arguments(url, new TimeRange(61_500, 91_500), true,
                PartSettings.defaults(), Path.of("/tmp/out.part"));

        assertThat(arguments.indexOf("-ss")).isLessThan(arguments.indexOf("-i"));
        assertThat(arguments.get(arguments.indexOf("-ss") + 1)).isEqualTo("61.500");
        assertThat(arguments.indexOf("-t")).as("the input is read up to the range's end only")
                .isLessThan(arguments.indexOf("-i"));
        assertThat(arguments.lastIndexOf("-t")).as("no output -t").isEqualTo(arguments.indexOf("-t"));
        assertThat(arguments.get(arguments.indexOf("-t") + 1)).isEqualTo("30.000");
        assertThat(arguments.get(arguments.indexOf("-protocol_whitelist") + 1)).isEqualTo("http,https,tcp,tls");
        assertThat(arguments.indexOf("-protocol_whitelist")).isLessThan(arguments.indexOf("-i"));
        assertThat(String.join(" ", arguments)).contains("-map 0:V:0 -map 0:a:0", "-crf 32", "-b:a 64k -ac 1",
                "-map_metadata -1", "-movflags +faststart", "file:/tmp/out.part");
        assertThat(arguments.get(arguments.indexOf("-vf") + 1))
                .startsWith("fps=2:round=up:start_time=0,trim=duration=30.000,scale=").contains("min(360,ih)");
    }

    @Test
    void without_sound_the_command_maps_and_encodes_no_audio() {
        List<String> arguments = FfmpegVideoParts.arguments(MediaSource.of(Path.of("/tmp/v.mp4").toUri()),
                new TimeRange(0, 1_000), false, PartSettings.defaults(), Path.of("/tmp/out.part"));

        assertThat(arguments).doesNotContain("0:a:0", "-c:a", "-protocol_whitelist");
    }

    @Test
    void settings_refuse_what_makes_no_proxy() {
        PartSettings defaults = PartSettings.defaults();

        assertThatThrownBy(() -> defaults.withShortSide(361)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withFramesPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withPreset("warp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withCrf(52)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withAudioKilobitsPerSecond(8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.timeoutFor(30_000)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.timeoutFor(30 * 60_000)).isEqualTo(Duration.ofMinutes(30));
    }

    private Part cut(Path source, TimeRange range) {
        List<Part> parts = newParts().cut(source.toUri(), List.of(range), outputDirectory(), percent -> { });
        assertThat(parts).hasSize(1);
        return parts.get(0);
    }

    /** The part at {@code partSeconds} looks like the source at {@code sourceSeconds} (as displayed, 90×160 or 160×90). */
    private static void assertShowsTheSame(Path part, double partSeconds, Path source, double sourceSeconds)
            throws Exception {
        RenderFixtures.Clip clip = RenderFixtures.inspect(part);
        int width = clip.width() >= clip.height() ? 160 : 90;
        int height = clip.width() >= clip.height() ? 90 : 160;
        byte[] seen = RenderFixtures.grayFrame(part, partSeconds, width, height);
        byte[] expected = RenderFixtures.grayFrame(source, sourceSeconds, width, height);
        double difference = 0;
        for (int i = 0; i < expected.length; i++) {
            difference += Math.abs((seen[i] & 0xff) - (expected[i] & 0xff));
        }
        assertThat(difference / expected.length)
                .as("mean difference between %s at %.1f s and the source at %.1f s", part.getFileName(), partSeconds,
                        sourceSeconds)
                .isLessThan(8);
    }

    /** The mean column of the bright pixels of a 320×180 frame: where the white square is. */
    private static double brightCentre(Path video, double seconds) throws Exception {
        byte[] frame = RenderFixtures.grayFrame(video, seconds, 320, 180);
        long sum = 0;
        long count = 0;
        for (int i = 0; i < frame.length; i++) {
            if ((frame[i] & 0xff) > 200) {
                sum += i % 320;
                count++;
            }
        }
        assertThat(count).as("bright pixels at %.1f s", seconds).isGreaterThan(500);
        return sum / (double) count;
    }

    private static String formatTags(Path file) {
        return RenderFixtures.run().probe(List.of("-v", "error", "-show_entries", "format_tags:stream_tags",
                "-of", "compact", "file:" + file), Duration.ofSeconds(30)).stdout();
    }
}
