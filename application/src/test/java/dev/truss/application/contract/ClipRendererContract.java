package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link ClipRenderer} must do: write the clip and its thumbnail into the output
 * directory, report its progress, accept every layout and quality, and leave nothing behind
 * when it fails. Ranges are a few seconds long, so a real encoder keeps the suite quick.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ClipRendererContract {

    /** Inside every sample video: the sample lasts at least 10 s. */
    private static final TimeRange RANGE = new TimeRange(1_000, 4_000);

    @TempDir
    Path dir;

    private ClipRenderer renderer;
    private Path out;

    protected abstract ClipRenderer newRenderer();

    /** A probe that reads the same files, to learn the properties the renderer is given. */
    protected abstract MediaProbe newProbe();

    /** A playable landscape video with sound, at least 10 s long. */
    protected abstract URI playableVideo() throws Exception;

    /** A file that cannot be decoded (random bytes, say). */
    protected abstract URI undecodableFile() throws Exception;

    @BeforeEach
    void newRendererAndOutputDirectory() throws Exception {
        renderer = newRenderer();
        out = Files.createDirectories(dir.resolve("out"));
    }

    @Test
    void rendering_a_range_writes_a_video_and_a_thumbnail_into_the_output_directory() throws Exception {
        Rendered rendered = renderer.render(request(RANGE, Layout.CENTER_CROP, Quality.FULL), percent -> { });

        assertWritten(rendered);
        assertThat(rendered.framing()).isNotBlank();
    }

    @Test
    void progress_rises_monotonically_to_100() throws Exception {
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());

        renderer.render(request(RANGE, Layout.CENTER_CROP, Quality.PREVIEW), reported::add);

        assertThat(reported).isNotEmpty().isSorted().allSatisfy(p -> assertThat(p).isBetween(0, 100));
        assertThat(reported.get(reported.size() - 1)).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void every_layout_is_rendered(Layout layout) throws Exception {
        assertWritten(renderer.render(request(RANGE, layout, Quality.PREVIEW), percent -> { }));
    }

    @ParameterizedTest
    @EnumSource(Quality.class)
    void both_qualities_are_rendered(Quality quality) throws Exception {
        assertWritten(renderer.render(request(RANGE, Layout.BLURRED_FIT, quality), percent -> { }));
    }

    @Test
    void captions_are_accepted_even_when_they_reach_past_the_range() throws Exception {
        Request plain = request(RANGE, Layout.CENTER_CROP, Quality.PREVIEW);
        Request captioned = new Request(plain.source(), plain.video(), plain.range(), plain.layout(),
                List.of(new CaptionCue(new TimeRange(500, 2_000), "Wait for it"),
                        new CaptionCue(new TimeRange(2_000, 6_000), "There it is! 🎉")),
                plain.quality(), plain.outputDirectory());

        assertWritten(renderer.render(captioned, percent -> { }));
    }

    @Test
    void a_range_ending_after_the_video_fails_and_leaves_no_file() throws Exception {
        Request inside = request(RANGE, Layout.CENTER_CROP, Quality.PREVIEW);
        long end = inside.video().durationMs();
        Request past = withRange(inside, new TimeRange(Math.max(0, end - 2_000), end + 5_000));

        assertThatThrownBy(() -> renderer.render(past, percent -> { })).isInstanceOf(MediaException.class);
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void a_range_starting_after_the_video_fails_and_leaves_no_file() throws Exception {
        Request inside = request(RANGE, Layout.FOLLOW_ACTION, Quality.FULL);
        long end = inside.video().durationMs();
        Request after = withRange(inside, new TimeRange(end + 1_000, end + 4_000));

        assertThatThrownBy(() -> renderer.render(after, percent -> { })).isInstanceOf(MediaException.class);
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void an_undecodable_source_fails_and_leaves_no_file() throws Exception {
        Request good = request(RANGE, Layout.CENTER_CROP, Quality.PREVIEW);
        Request broken = new Request(undecodableFile(), good.video(), good.range(), good.layout(), good.captions(),
                good.quality(), good.outputDirectory());

        assertThatThrownBy(() -> renderer.render(broken, percent -> { })).isInstanceOf(MediaException.class);
        assertThat(filesIn(out)).isEmpty();
    }

    /** A request for {@code range} of the playable sample, into this test's output directory. */
    protected Request request(TimeRange range, Layout layout, Quality quality) throws Exception {
        URI source = playableVideo();
        MediaProbe.Result probed = newProbe().probe(source);
        assertThat(probed).as("the contract's sample video must be playable").isInstanceOf(MediaProbe.Playable.class);
        VideoProperties video = ((MediaProbe.Playable) probed).video();
        assertThat(video.durationMs()).as("the sample video lasts at least 10 s").isGreaterThanOrEqualTo(10_000);
        return new Request(source, video, range, layout, List.of(), quality, out);
    }

    /** The output directory of this test. */
    protected Path outputDirectory() {
        return out;
    }

    private static Request withRange(Request r, TimeRange range) {
        return new Request(r.source(), r.video(), range, r.layout(), r.captions(), r.quality(), r.outputDirectory());
    }

    private void assertWritten(Rendered rendered) throws Exception {
        for (Path file : List.of(rendered.video(), rendered.thumbnail())) {
            assertThat(file).isRegularFile();
            assertThat(Files.size(file)).isPositive();
            assertThat(file.toAbsolutePath().getParent()).isEqualTo(out.toAbsolutePath());
        }
        assertThat(rendered.video()).isNotEqualTo(rendered.thumbnail());
    }

    private static List<Path> filesIn(Path directory) throws Exception {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> !path.equals(directory)).toList();
        }
    }
}
