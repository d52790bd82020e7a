package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.truss.application.contract.ClipRendererContract;
import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.media.ClipRenderer.CaptionCue;
import dev.truss.application.port.media.ClipRenderer.Quality;
import dev.truss.application.port.media.ClipRenderer.Rendered;
import dev.truss.application.port.media.ClipRenderer.Request;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.time.TimeRange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The renderer contract on the bundled FFmpeg, and every rendered clip checked with ffprobe. */
class FfmpegClipRendererTest extends ClipRendererContract {

    @Override
    protected ClipRenderer newRenderer() {
        return new FfmpegClipRenderer(RenderFixtures.ffmpeg());
    }

    @Override
    protected MediaProbe newProbe() {
        return RenderFixtures.probe();
    }

    @Override
    protected URI playableVideo() {
        return RenderFixtures.landscape().toUri();
    }

    @Override
    protected URI undecodableFile() {
        return RenderFixtures.undecodable().toUri();
    }

    static Stream<Arguments> sources() {
        Supplier<Path> landscape = RenderFixtures::landscape;
        Supplier<Path> portrait = RenderFixtures::portrait;
        Supplier<Path> rotated = RenderFixtures::rotated;
        Supplier<Path> silent = RenderFixtures::silent;
        Supplier<Path> fast = RenderFixtures::fast;
        return Stream.of(
                Arguments.of("landscape", landscape, Layout.CENTER_CROP, Quality.FULL),
                Arguments.of("landscape", landscape, Layout.BLURRED_FIT, Quality.PREVIEW),
                Arguments.of("landscape", landscape, Layout.FOLLOW_ACTION, Quality.FULL),
                Arguments.of("portrait", portrait, Layout.BLURRED_FIT, Quality.PREVIEW),
                Arguments.of("portrait", portrait, Layout.FOLLOW_ACTION, Quality.PREVIEW),
                Arguments.of("rotated", rotated, Layout.CENTER_CROP, Quality.PREVIEW),
                Arguments.of("rotated", rotated, Layout.BLURRED_FIT, Quality.FULL),
                Arguments.of("silent 4:3", silent, Layout.FOLLOW_ACTION, Quality.PREVIEW),
                Arguments.of("silent 4:3", silent, Layout.BLURRED_FIT, Quality.PREVIEW),
                Arguments.of("120 fps", fast, Layout.CENTER_CROP, Quality.PREVIEW));
    }

    @ParameterizedTest(name = "{0}, {2}, {3}")
    @MethodSource("sources")
    void every_source_becomes_an_exact_vertical_h264_aac_clip_with_its_index_first(String name, Supplier<Path> sample,
                                                                                  Layout layout, Quality quality)
            throws Exception {
        Path source = sample.get();
        TimeRange range = new TimeRange(500, 2_500);

        Rendered rendered = newRenderer().render(request(source, range, layout, quality, List.of()), percent -> { });

        RenderFixtures.Clip clip = RenderFixtures.inspect(rendered.video());
        RenderPlan.Size size = RenderPlan.videoSize(quality);
        assertThat(clip.width()).isEqualTo(size.width());
        assertThat(clip.height()).isEqualTo(size.height());
        assertThat(clip.sampleAspect()).isIn("1:1", "");
        assertThat(clip.videoCodec()).isEqualTo("h264");
        assertThat(clip.profile()).isEqualTo("High");
        assertThat(clip.pixelFormat()).isEqualTo("yuv420p");
        assertThat(clip.rotated()).as("autorotated, so no display matrix is left").isFalse();
        assertThat(clip.framesPerSecond()).isBetween(1.0, 60.0);
        double frame = 1 / clip.framesPerSecond();
        assertThat(clip.videoSeconds()).isCloseTo(range.durationMs() / 1000.0, within(frame));
        assertThat((double) clip.frames()).isCloseTo(range.durationMs() / 1000.0 * clip.framesPerSecond(), within(1.0));
        assertThat(clip.audioCodec()).as("every clip has sound, silent if the source has none").isEqualTo("aac");
        assertThat(clip.channels()).isEqualTo(2);
        assertThat(clip.sampleRate()).isEqualTo(48_000);
        assertThat(clip.audioSeconds()).isCloseTo(range.durationMs() / 1000.0, within(frame + 1024 / 48_000.0));
        List<String> boxes = RenderFixtures.topLevelBoxes(rendered.video());
        assertThat(boxes).as("faststart: the index comes before the media").contains("moov", "mdat");
        assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
        RenderPlan.Size thumbnail = RenderPlan.thumbnailSize(quality);
        assertThat(RenderFixtures.jpegSize(rendered.thumbnail())).containsExactly(thumbnail.width(), thumbnail.height());
        assertThat(rendered.framing()).contains(size.toString());
    }

    @Test
    void above_60_fps_the_rate_is_halved() throws Exception {
        Rendered rendered = newRenderer().render(request(RenderFixtures.fast(), new TimeRange(0, 1_000),
                Layout.CENTER_CROP, Quality.PREVIEW, List.of()), percent -> { });

        RenderFixtures.Clip clip = RenderFixtures.inspect(rendered.video());
        assertThat(clip.framesPerSecond()).isEqualTo(60.0);
        assertThat(clip.frames()).isEqualTo(60);
    }

    @Test
    void a_picture_that_ends_before_the_sound_is_held_on_its_last_frame_to_the_end_of_the_range() throws Exception {
        VideoProperties video = RenderFixtures.properties(RenderFixtures.shortPicture());
        TimeRange tail = new TimeRange(video.durationMs() - 1_500, video.durationMs());

        Rendered rendered = newRenderer().render(request(RenderFixtures.shortPicture(), tail, Layout.BLURRED_FIT,
                Quality.PREVIEW, List.of()), percent -> { });

        RenderFixtures.Clip clip = RenderFixtures.inspect(rendered.video());
        assertThat(clip.videoSeconds()).isCloseTo(1.5, within(1 / 30.0));
        assertThat(clip.frames()).isEqualTo(45);
        assertThat(clip.audioSeconds()).isCloseTo(1.5, within(1 / 30.0 + 1024 / 48_000.0));
    }

    @Test
    void a_rotated_source_is_framed_as_it_is_displayed() throws Exception {
        VideoProperties video = RenderFixtures.properties(RenderFixtures.rotated());
        assertThat(video.displayWidth()).isEqualTo(360);
        assertThat(video.displayHeight()).isEqualTo(640);

        Rendered rendered = newRenderer().render(request(RenderFixtures.rotated(), new TimeRange(1_000, 2_000),
                Layout.CENTER_CROP, Quality.PREVIEW, List.of()), percent -> { });

        // Displayed upright, the bright bar stored along the top runs down one side, top to bottom.
        byte[] frame = RenderFixtures.grayFrame(rendered.video(), 0.5, 72, 128);
        double left = RenderFixtures.columnBrightness(frame, 72, 128, 1);
        double right = RenderFixtures.columnBrightness(frame, 72, 128, 70);
        assertThat(Math.max(left, right)).isGreaterThan(200);
        assertThat(RenderFixtures.meanBrightness(frame, 72, 0, 4)).as("no bar across the top").isLessThan(150);
        assertThat(rendered.framing()).contains("360×640");
    }

    @Test
    void follow_action_moves_the_crop_to_where_the_box_is() throws Exception {
        ClipRenderer renderer = newRenderer();

        Rendered left = renderer.render(request(RenderFixtures.landscape(), new TimeRange(500, 3_500),
                Layout.FOLLOW_ACTION, Quality.PREVIEW, List.of()), percent -> { });
        Rendered right = renderer.render(request(RenderFixtures.landscape(), new TimeRange(7_000, 10_000),
                Layout.FOLLOW_ACTION, Quality.PREVIEW, List.of()), percent -> { });
        Rendered centre = renderer.render(request(RenderFixtures.landscape(), new TimeRange(7_000, 10_000),
                Layout.CENTER_CROP, Quality.PREVIEW, List.of()), percent -> { });

        // The crop is 202 px of 640: x from 0 to 438.
        int[] leftX = cropRange(left.framing());
        int[] rightX = cropRange(right.framing());
        assertThat(leftX[1]).as(left.framing()).isLessThan(438 / 4);
        assertThat(rightX[0]).as(right.framing()).isGreaterThan(438 * 3 / 4);
        // And the box is in the picture, where the centre crop misses it.
        assertThat(brightPixels(right.video())).isGreaterThan(40);
        assertThat(brightPixels(left.video())).isGreaterThan(40);
        assertThat(brightPixels(centre.video())).isLessThan(5);
    }

    @Test
    void follow_action_on_a_picture_no_wider_than_9_16_keeps_it_whole() throws Exception {
        Rendered rendered = newRenderer().render(request(RenderFixtures.portrait(), new TimeRange(0, 2_000),
                Layout.FOLLOW_ACTION, Quality.PREVIEW, List.of()), percent -> { });

        assertThat(rendered.framing()).contains("no wider than 9:16");
    }

    @Test
    void captions_are_burned_in_during_their_cue_on_the_clip_timeline() throws Exception {
        assumeTrue(RenderFont.locate(Optional.empty()).isPresent(),
                "no caption font on this machine (install fonts-dejavu-core)");
        // The portrait sample's box stays in the top third: the caption band is dark unless a caption is drawn.
        List<CaptionCue> cues = List.of(
                new CaptionCue(new TimeRange(0, 1_500), "Before the clip, reaching into it"),
                new CaptionCue(new TimeRange(3_500, 9_000), "There it is! 🎉"),
                new CaptionCue(new TimeRange(100, 900), "Entirely before the clip"));

        Rendered rendered = newRenderer().render(request(RenderFixtures.portrait(), new TimeRange(1_000, 5_000),
                Layout.CENTER_CROP, Quality.PREVIEW, cues), percent -> { });

        assertThat(rendered.framing()).contains("2 captions burned in").contains("1 character(s) the font lacks");
        // Clip time 0–0.5 s: the first cue; 0.5–2.5 s: none; 2.5–4 s: the second, clamped to the clip's end.
        assertThat(captionPixels(rendered.video(), 1.5)).isZero();
        assertThat(captionPixels(rendered.video(), 0.2)).isGreaterThan(100);
        assertThat(captionPixels(rendered.video(), 3.5)).isGreaterThan(50);
        assertThat(RenderFixtures.inspect(rendered.video()).videoSeconds()).isCloseTo(4.0, within(0.04));
    }

    @Test
    void without_a_caption_font_captions_are_skipped_with_a_note() throws Exception {
        ClipRenderer fontless = new FfmpegClipRenderer(RenderFixtures.ffmpeg(), RenderSettings.defaults(), Optional.empty());

        Rendered rendered = fontless.render(request(RenderFixtures.portrait(), new TimeRange(0, 1_000),
                Layout.CENTER_CROP, Quality.PREVIEW, List.of(new CaptionCue(new TimeRange(0, 1_000), "Hello"))),
                percent -> { });

        assertThat(rendered.framing()).contains("captions skipped: no font found").contains(RenderFont.VARIABLE);
        assertThat(captionPixels(rendered.video(), 0.5)).isZero();
    }

    @Test
    void a_caption_font_that_is_named_must_exist() {
        Path missing = outputDirectory().resolveSibling("no-such-font.ttf");

        assertThatThrownBy(() -> new FfmpegClipRenderer(RenderFixtures.ffmpeg(),
                RenderSettings.defaults().withCaptionFont(missing)))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("no-such-font.ttf");
    }

    @Test
    void progress_is_monotonic_through_the_motion_pass_and_ends_at_100() throws Exception {
        List<Integer> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

        newRenderer().render(request(RenderFixtures.landscape(), new TimeRange(2_000, 6_000), Layout.FOLLOW_ACTION,
                Quality.PREVIEW, List.of()), reported::add);

        assertThat(reported).isSorted().doesNotHaveDuplicates().startsWith(0).endsWith(100);
        assertThat(reported.size()).isGreaterThan(3);
    }

    @Test
    void two_clips_render_side_by_side() throws Exception {
        ClipRenderer renderer = newRenderer();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Rendered> first = pool.submit(() -> renderer.render(request(RenderFixtures.landscape(),
                    new TimeRange(1_000, 3_000), Layout.FOLLOW_ACTION, Quality.PREVIEW, List.of()), percent -> { }));
            Future<Rendered> second = pool.submit(() -> renderer.render(request(RenderFixtures.landscape(),
                    new TimeRange(1_000, 3_000), Layout.BLURRED_FIT, Quality.PREVIEW, List.of()), percent -> { }));

            Rendered a = first.get(2, TimeUnit.MINUTES);
            Rendered b = second.get(2, TimeUnit.MINUTES);
            assertThat(a.video()).isNotEqualTo(b.video());
            for (Rendered rendered : List.of(a, b)) {
                assertThat(RenderFixtures.inspect(rendered.video()).height()).isEqualTo(1280);
            }
            try (Stream<Path> files = Files.list(outputDirectory())) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder(name(a.video()), name(a.thumbnail()), name(b.video()), name(b.thumbnail()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_render_cancelled_by_interrupt_leaves_no_file() throws Exception {
        ClipRenderer renderer = newRenderer();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Request request = request(RenderFixtures.landscape(), new TimeRange(0, 10_000), Layout.BLURRED_FIT,
                Quality.FULL, List.of());

        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                renderer.render(request, percent -> {
                    if (percent > 0) {
                        started.countDown();
                    }
                });
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        worker.get().interrupt();

        assertThat(outcome.get(60, TimeUnit.SECONDS)).isInstanceOf(MediaException.class).hasMessageContaining("cancelled");
        try (Stream<Path> files = Files.list(outputDirectory())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_presigned_http_download_is_rendered_reading_only_ranges_of_it() throws Exception {
        Path source = RenderFixtures.landscape();
        byte[] bytes = Files.readAllBytes(source);
        List<String> ranges = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bucket/", exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            int from = 0;
            int to = bytes.length - 1;
            Matcher matcher = range == null ? null : Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
            if (matcher != null && matcher.matches()) {
                from = Integer.parseInt(matcher.group(1));
                to = matcher.group(2).isEmpty() ? to : Math.min(to, Integer.parseInt(matcher.group(2)));
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
            }
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(range == null ? 200 : 206, to - from + 1L);
            try (var body = exchange.getResponseBody()) {
                body.write(bytes, from, to - from + 1);
            } catch (java.io.IOException closedByFfmpeg) {
                // ffmpeg hangs up once it has what it needs
            }
        });
        server.start();
        try {
            URI presigned = URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/bucket/landscape.mp4?X-Amz-Expires=900&X-Amz-Signature=abc123");
            Request local = request(source, new TimeRange(7_000, 9_000), Layout.FOLLOW_ACTION, Quality.PREVIEW, List.of());

            Rendered rendered = newRenderer().render(new Request(presigned, local.video(), local.range(), local.layout(),
                    local.captions(), local.quality(), local.outputDirectory()), percent -> { });

            assertThat(RenderFixtures.inspect(rendered.video()).videoSeconds()).isCloseTo(2.0, within(1 / 30.0));
            assertThat(rendered.framing()).contains("follow action");
            assertThat(ranges).as("ffmpeg seeks with Range requests").anyMatch(range -> range.matches("bytes=[1-9]\\d*-\\d*"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_source_that_is_neither_a_file_nor_http_is_refused_before_anything_runs() throws Exception {
        Request good = request(RenderFixtures.landscape(), new TimeRange(0, 1_000), Layout.CENTER_CROP,
                Quality.PREVIEW, List.of());
        Request ftp = new Request(URI.create("ftp://example.invalid/video.mp4"), good.video(), good.range(),
                good.layout(), good.captions(), good.quality(), good.outputDirectory());

        assertThatThrownBy(() -> newRenderer().render(ftp, percent -> { }))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("only file: and http(s): sources");
    }

    private Request request(Path source, TimeRange range, Layout layout, Quality quality, List<CaptionCue> captions) {
        return new Request(source.toUri(), RenderFixtures.properties(source), range, layout, captions, quality,
                outputDirectory());
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }

    /** "x from A to B px of W" in a follow-action framing. */
    private static int[] cropRange(String framing) {
        Matcher matcher = Pattern.compile("x from (\\d+) to (\\d+) px of").matcher(framing);
        assertThat(matcher.find()).as(framing).isTrue();
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }

    /** How many pixels of a 36×64 copy of the clip's frame at 2.8 s are nearly white: ~110 when the box is in it. */
    private static long brightPixels(Path video) throws Exception {
        byte[] frame = RenderFixtures.grayFrame(video, 2.8, 36, 64);
        long bright = 0;
        for (byte pixel : frame) {
            if ((pixel & 0xff) > 200) {
                bright++;
            }
        }
        return bright;
    }

    /** How many nearly white pixels a 144×256 copy of the frame has in the caption band (62–78% of the height). */
    private static long captionPixels(Path video, double seconds) throws Exception {
        byte[] frame = RenderFixtures.grayFrame(video, seconds, 144, 256);
        long bright = 0;
        for (int index = 144 * (int) (256 * 0.62); index < 144 * (int) (256 * 0.78); index++) {
            if ((frame[index] & 0xff) > 200) {
                bright++;
            }
        }
        return bright;
    }
}
