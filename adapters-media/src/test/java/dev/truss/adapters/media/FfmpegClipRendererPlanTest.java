package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.truss.application.port.media.ClipRenderer.CaptionCue;
import dev.truss.application.port.media.MediaException;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.time.TimeRange;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command lines and caption text of a render, read without rendering (and a few run through ffmpeg). */
class FfmpegClipRendererPlanTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"30, 30", "29.97, 30000/1001", "23.976, 24000/1001", "25, 25", "29.8, 30", "59.94, 60000/1001",
            "60, 60", "120, 60", "119.88, 60000/1001", "100, 50", "240, 60", "90, 45", "15, 15", "12.5, 12.5", "10, 10"})
    void the_frame_rate_is_the_sources_capped_at_60_and_snapped_to_a_standard_one(double source, String expected) {
        assertThat(RenderPlan.frameRate(source, 60)).isEqualTo(expected);
    }

    @Test
    void the_source_is_seeked_before_it_is_opened_and_the_output_is_cut_to_the_clip() {
        List<String> arguments = RenderPlan.renderArguments(Path.of("/videos/a.mp4").toUri(), 61_250, 30_000, "graph",
                RenderSettings.defaults(), Path.of("/out/.clip.mp4.part"));

        int seek = arguments.indexOf("-ss");
        int input = arguments.indexOf("-i");
        assertThat(seek).isLessThan(input);
        assertThat(arguments.get(seek + 1)).isEqualTo("61.250");
        assertThat(arguments.get(input + 1)).isEqualTo("file:/videos/a.mp4");
        assertThat(arguments.indexOf("-t")).isGreaterThan(input);
        assertThat(arguments.get(arguments.indexOf("-t") + 1)).isEqualTo("30.000");
        assertThat(String.join(" ", arguments)).contains("-c:v libx264 -preset veryfast -crf 20")
                .contains("-c:a aac -b:a 128k -ac 2 -ar 48000").contains("-movflags +faststart")
                .contains("-map_metadata -1").endsWith("-f mp4 file:/out/.clip.mp4.part");
    }

    @Test
    void presigned_downloads_reconnect_and_other_schemes_are_refused() {
        assertThat(RenderPlan.input(URI.create("https://bucket.example/v.mp4?X-Amz-Signature=abc"), 0))
                .contains("-reconnect", "-rw_timeout").containsSequence("-protocol_whitelist", "http,https,tcp,tls")
                .endsWith("-i", "https://bucket.example/v.mp4?X-Amz-Signature=abc");
        assertThatThrownBy(() -> RenderPlan.input(URI.create("concat:/etc/passwd"), 0))
                .isInstanceOf(MediaException.class);
    }

    @Test
    void every_layout_crops_in_source_pixels_then_scales_once_to_square_pixels() {
        String centre = RenderPlan.videoGraph(Layout.CENTER_CROP, new RenderPlan.Size(1080, 1920), "30", Optional.empty(),
                List.of());
        String fit = RenderPlan.videoGraph(Layout.BLURRED_FIT, new RenderPlan.Size(720, 1280), "30", Optional.empty(),
                List.of());
        String still = RenderPlan.videoGraph(Layout.FOLLOW_ACTION, new RenderPlan.Size(1080, 1920), "30",
                Optional.empty(), List.of());

        assertThat(centre).isEqualTo("[0:v]fps=30,tpad=stop=-1:stop_mode=clone,crop=w='min(iw,ih*9/16/sar)':h='min(ih,iw*sar*16/9)'"
                + ":x='(iw-ow)/2':y='(ih-oh)/2',scale=1080:1920,setsar=1,format=yuv420p[v]");
        assertThat(fit).contains("split=2[bg][fg]").contains("scale=180:320,boxblur")
                .contains("force_original_aspect_ratio=decrease").contains("overlay=x=(W-w)/2:y=(H-h)/2");
        assertThat(still).isEqualTo(centre);
    }

    @Test
    void the_sizes_a_framing_describes_come_from_the_displayed_picture() {
        VideoProperties rotatedLandscape = new VideoProperties(10_000, "mp4", "h264", 1920, 1080, -90, 30, true);
        VideoProperties landscape = new VideoProperties(10_000, "mp4", "h264", 1920, 1080, 0, 30, true);

        assertThat(RenderPlan.coverCrop(rotatedLandscape)).isEqualTo(new RenderPlan.Size(1080, 1920));
        assertThat(RenderPlan.coverCrop(landscape)).isEqualTo(new RenderPlan.Size(608, 1080));
        assertThat(RenderPlan.fit(landscape, new RenderPlan.Size(1080, 1920))).isEqualTo(new RenderPlan.Size(1080, 608));
    }

    @Test
    void file_names_in_a_filter_are_escaped_for_the_option_and_for_the_graph() {
        assertThat(RenderPlan.escape("/tmp/a'b:c,d[e];f\\g")).isEqualTo("/tmp/a\\\\\\'b\\\\:c\\,d\\[e\\]\\;f\\\\\\\\g");
    }

    @Test
    void a_caption_file_in_a_folder_with_awkward_characters_is_drawn() throws Exception {
        Path awkward = Files.createDirectories(directory.resolve("it's a [test]; 1,2: done"));
        Optional<RenderFont> found = RenderFont.locate(Optional.empty());
        assumeTrue(found.isPresent(), "no caption font on this machine (install fonts-dejavu-core)");
        RenderFont font = found.get();
        RenderCaptions.Prepared prepared = RenderCaptions.prepare(List.of(new CaptionCue(new TimeRange(0, 1_000),
                "Quotes ' and colons: fine, [really]; 100%")), new TimeRange(0, 1_000), 360, 640, font);
        List<String> filters = RenderCaptions.filters(prepared, font, awkward);
        Path image = directory.resolve("frame.png");

        List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i", "color=c=black:s=360x640:r=5:d=1",
                "-filter_complex", "[0:v]" + filters.get(0) + "[v]", "-map", "[v]", "-frames:v", "1",
                "-update", "1", "file:" + image));
        new FfmpegRun(RenderFixtures.ffmpeg()).transcode(arguments, Duration.ofSeconds(30), micros -> { });

        assertThat(image).isNotEmptyFile();
    }

    @Test
    void settings_are_checked_and_the_deadline_grows_with_the_clip() {
        RenderSettings settings = RenderSettings.defaults();

        assertThat(settings.timeoutFor(3_000)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.timeoutFor(60_000)).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> settings.withPreset("warp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withCrf(52)).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.withPreset("medium").withCrf(23).preset()).isEqualTo("medium");
    }
}
