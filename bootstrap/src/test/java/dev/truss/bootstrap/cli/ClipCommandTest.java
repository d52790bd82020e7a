package dev.truss.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.adapters.gemini.AnswerJson;
import dev.truss.adapters.gemini.GeminiStandIn;
import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegRun;
import dev.truss.adapters.media.SampleVideo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code truss clip} end to end on the sample video: real FFmpeg, the local detector, a report. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClipCommandTest {

    @TempDir
    static Path shared;

    private static Path sample;
    private static FfmpegRun ffmpeg;

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @BeforeAll
    static void sampleVideo() {
        ffmpeg = new FfmpegRun(Ffmpeg.locate(Optional.empty()));
        sample = shared.resolve("sample.mp4");
        SampleVideo.write(ffmpeg, sample, 320, 180);
    }

    private int truss(String... args) {
        return trussWith(Map.of(), args);
    }

    private int trussWith(Map<String, String> environment, String... args) {
        return TrussCommand.commandLine(new PrintWriter(stdout, true), new PrintWriter(stderr, true),
                environment::get).execute(args);
    }

    @Test
    void clips_the_sample_into_vertical_videos_with_a_report_of_times_scores_and_reasons() throws Exception {
        int exit = truss("clip", sample.toString(), "--out", out.toString(), "--count", "2", "--min-seconds", "15",
                "--max-seconds", "20", "--preview");

        assertThat(exit).as(stderr.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(out.resolve("report.json")));
        assertThat(report.get("clips")).hasSize(2);
        for (JsonNode clip : report.get("clips")) {
            long duration = clip.get("durationMs").asLong();
            assertThat(duration).isBetween(15_000L, 20_000L);
            assertThat(clip.get("reasons")).isNotEmpty();
            Path file = out.resolve(clip.get("file").asString());
            String probe = ffmpeg.probe(List.of("-v", "error", "-show_entries", "stream=codec_type,width,height",
                    "-of", "compact", file.toString()), Duration.ofSeconds(30)).stdout();
            assertThat(probe).contains("width=720|height=1280").contains("codec_type=audio");
            assertThat(out.resolve(clip.get("thumbnail").asString())).isRegularFile();
        }
        JsonNode best = report.get("clips").get(0);
        assertThat(best.get("startMs").asLong()).as("the best clip overlaps the planted loud stretch, 40–50 s")
                .isLessThan(50_000L);
        assertThat(best.get("endMs").asLong()).isGreaterThan(40_000L);
        assertThat(List.of(best.get("startMs").asLong(), best.get("endMs").asLong()))
                .as("a boundary of the best clip lands in a planted silence or on a planted cut")
                .anyMatch(ClipCommandTest::onAPlantedCutOrSilence);
        assertThat(report.get("chapters")).isNotEmpty();
        assertThat(stdout.toString()).contains("report: ");
    }

    private static boolean onAPlantedCutOrSilence(long ms) {
        boolean inSilence = (ms >= 20_000 && ms <= 25_000) || (ms >= 50_000 && ms <= 55_000);
        return inSilence || SampleVideo.SCENE_CUTS_MS.stream().anyMatch(cut -> Math.abs(cut - ms) <= 100);
    }

    @Test
    void a_file_that_is_not_a_video_is_refused_with_its_reason() throws Exception {
        Path text = out.resolve("notes.mp4");
        Files.writeString(text, "these are not moving pictures");

        int exit = truss("clip", text.toString(), "--out", out.resolve("clips").toString());

        assertThat(exit).isNotZero();
        assertThat(stderr.toString()).contains("truss: " + text + ": the file is not a video").doesNotContain("\tat ");
    }

    @Test
    void a_missing_file_is_refused() {
        int exit = truss("clip", out.resolve("missing.mp4").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString()).contains("missing.mp4 is not a file");
    }

    @Test
    void with_a_gemini_key_the_model_finds_the_moments_at_the_cost_asked_for_and_its_words_title_the_clips()
            throws Exception {
        try (GeminiStandIn gemini = GeminiStandIn.start("a-cli-key")) {
            gemini.answerByDefault(GeminiStandIn.Answer.text(AnswerJson.answer()
                    .moment(38, 55, "The loud part", 0.9, 0.8).segment(40, 44, "Here it comes").json()));

            int exit = trussWith(Map.of("TRUSS_GEMINI_KEY", "a-cli-key"), "clip", sample.toString(), "--out",
                    out.toString(), "--count", "1", "--min-seconds", "15", "--max-seconds", "20", "--preview",
                    "--gemini-endpoint", gemini.baseUrl().toString(), "--gemini-media-resolution", "medium",
                    "--gemini-thinking-budget", "0");

            assertThat(exit).as(stderr.toString()).isZero();
            assertThat(gemini.generateContentRequests()).singleElement().satisfies(request -> {
                JsonNode config = JsonMapper.builder().build().readTree(request.text()).get("generationConfig");
                assertThat(config.get("mediaResolution").asString()).isEqualTo("MEDIA_RESOLUTION_MEDIUM");
                assertThat(config.get("thinkingConfig").get("thinkingBudget").asInt()).isZero();
            });
            JsonNode report = JsonMapper.builder().build().readTree(Files.readString(out.resolve("report.json")));
            assertThat(report.get("clips").get(0).get("title").asString()).isEqualTo("The loud part");
            assertThat(stdout.toString()).doesNotContain("a-cli-key");
        }
    }

    @Test
    void the_local_detector_can_be_chosen_over_a_configured_model_and_the_model_cannot_be_chosen_without_a_key()
            throws Exception {
        try (GeminiStandIn gemini = GeminiStandIn.start("a-cli-key")) {
            int local = trussWith(Map.of("TRUSS_GEMINI_KEY", "a-cli-key"), "clip", sample.toString(), "--out",
                    out.toString(), "--count", "1", "--preview", "--detector", "LOCAL", "--gemini-endpoint",
                    gemini.baseUrl().toString());

            assertThat(local).as(stderr.toString()).isZero();
            assertThat(gemini.requests()).isEmpty();
        }
        int ai = truss("clip", sample.toString(), "--out", out.toString(), "--detector", "ai");
        assertThat(ai).isEqualTo(2);
        assertThat(stderr.toString()).contains("--detector ai needs a Gemini key in TRUSS_GEMINI_KEY");
    }
}
