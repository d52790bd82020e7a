package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FakeClipRendererTest extends ClipRendererContract {

    private final InMemoryMedia media = new InMemoryMedia();
    private FakeClipRenderer renderer;

    @Override
    protected ClipRenderer newRenderer() {
        renderer = new FakeClipRenderer(media);
        return renderer;
    }

    @Override
    protected MediaProbe newProbe() {
        return new FakeMediaProbe(media);
    }

    @Override
    protected URI playableVideo() {
        return media.add("source.mp4", InMemoryMedia.video(60_000).motion(10, 20).bytes());
    }

    @Override
    protected URI undecodableFile() {
        return media.add("broken.mp4", InMemoryMedia.randomBytes(1024, 5));
    }

    @Test
    void the_clip_says_what_was_rendered_and_the_thumbnail_shows_the_middle() throws Exception {
        Rendered rendered = renderer.render(request(new TimeRange(12_000, 42_000), Layout.BLURRED_FIT, Quality.FULL),
                percent -> { });

        assertThat(rendered.video().getFileName().toString()).isEqualTo("clip-12000-42000-blurred_fit-full.mp4");
        assertThat(Files.readString(rendered.video())).startsWith("FAKECLIP v1\n");
        assertThat(FakeClipRenderer.properties(rendered.video())).containsEntry("range_ms", "12000-42000")
                .containsEntry("duration_ms", "30000").containsEntry("layout", "BLURRED_FIT")
                .containsEntry("quality", "FULL").containsEntry("size", "1080x1920").containsEntry("fps", "30")
                .containsEntry("audio", "true").containsEntry("framing", rendered.framing());
        assertThat(FakeClipRenderer.properties(rendered.thumbnail())).containsEntry("at_ms", "27000")
                .containsEntry("size", "1080x1920");
        assertThat(renderer.rendered()).singleElement().extracting(Request::range)
                .isEqualTo(new TimeRange(12_000, 42_000));
    }

    @Test
    void a_preview_is_720_by_1280() throws Exception {
        Rendered rendered = renderer.render(request(new TimeRange(0, 5_000), Layout.CENTER_CROP, Quality.PREVIEW),
                percent -> { });

        assertThat(FakeClipRenderer.properties(rendered.video())).containsEntry("size", "720x1280");
    }

    @Test
    void the_framing_follows_the_layout_and_the_picture_as_displayed() throws Exception {
        Request landscape = request(new TimeRange(0, 5_000), Layout.CENTER_CROP, Quality.PREVIEW);
        VideoProperties rotated = new VideoProperties(60_000, "mov", "hevc", 1920, 1080, 90, 30, true);
        Request portrait = new Request(landscape.source(), rotated, landscape.range(), Layout.CENTER_CROP, List.of(),
                Quality.PREVIEW, landscape.outputDirectory());

        assertThat(renderer.render(landscape, p -> { }).framing()).isEqualTo("center crop of 606×1080 from 1920×1080");
        assertThat(renderer.render(portrait, p -> { }).framing()).isEqualTo("center crop of 1080×1920 from 1080×1920");
        assertThat(renderer.render(withLayout(landscape, Layout.FOLLOW_ACTION), p -> { }).framing())
                .contains("following the action");
        assertThat(renderer.render(withLayout(landscape, Layout.BLURRED_FIT), p -> { }).framing()).contains("blurred");
    }

    @Test
    void only_the_captions_overlapping_the_range_are_burned_in() throws Exception {
        Request plain = request(new TimeRange(10_000, 20_000), Layout.CENTER_CROP, Quality.PREVIEW);
        Request captioned = new Request(plain.source(), plain.video(), plain.range(), plain.layout(),
                List.of(new CaptionCue(new TimeRange(5_000, 9_000), "before"),
                        new CaptionCue(new TimeRange(9_000, 11_000), "Wait for it"),
                        new CaptionCue(new TimeRange(20_000, 22_000), "after")),
                plain.quality(), plain.outputDirectory());

        Rendered rendered = renderer.render(captioned, percent -> { });

        assertThat(Files.readAllLines(rendered.video())).filteredOn(line -> line.startsWith("caption="))
                .containsExactly("caption=9000-11000 Wait for it");
    }

    @Test
    void a_render_told_to_fail_fails_halfway_and_removes_what_it_wrote() throws Exception {
        Request request = request(new TimeRange(0, 5_000), Layout.CENTER_CROP, Quality.FULL);
        List<Integer> reported = new ArrayList<>();
        renderer.failNext(1);

        assertThatThrownBy(() -> renderer.render(request, reported::add)).isInstanceOf(MediaException.class);

        assertThat(reported).containsExactly(0, 50);
        try (Stream<java.nio.file.Path> files = Files.list(outputDirectory())) {
            assertThat(files).isEmpty();
        }
        assertThat(renderer.rendered()).isEmpty();
        assertThat(renderer.render(request, percent -> { }).video()).isRegularFile();
        assertThat(renderer.attempts()).isEqualTo(2);
    }

    @Test
    void a_range_past_the_end_of_the_file_fails_even_when_the_request_claims_a_longer_video() throws Exception {
        Request request = request(new TimeRange(55_000, 65_000), Layout.CENTER_CROP, Quality.FULL);
        VideoProperties claimed = new VideoProperties(120_000, "mov,mp4", "h264", 1920, 1080, 0, 30, true);

        assertThatThrownBy(() -> renderer.render(new Request(request.source(), claimed, request.range(),
                request.layout(), List.of(), request.quality(), request.outputDirectory()), p -> { }))
                .isInstanceOf(MediaException.class).hasMessageContaining("60000 ms");
    }

    @Test
    void the_rendered_files_can_be_read_back_as_properties() throws Exception {
        Rendered rendered = renderer.render(request(new TimeRange(0, 3_000), Layout.CENTER_CROP, Quality.FULL),
                p -> { });

        Map<String, String> thumbnail = FakeClipRenderer.properties(rendered.thumbnail());

        assertThat(thumbnail).containsOnlyKeys("at_ms", "size");
    }

    private static Request withLayout(Request r, Layout layout) {
        return new Request(r.source(), r.video(), r.range(), layout, r.captions(), r.quality(), r.outputDirectory());
    }
}
