package dev.truss.adapters.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.truss.adapters.gemini.GeminiStandIn.Answer;
import dev.truss.adapters.gemini.GeminiStandIn.Recorded;
import dev.truss.application.fake.FakeVideoParts;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.application.port.media.MomentDetector.ModelUsage;
import dev.truss.application.port.media.MomentDetector.Moment;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.time.TimeRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A good answer, and what the stand-in received on the way to it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeminiMomentDetectorTest {

    private final Bench bench = new Bench();

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void a_good_answer_becomes_the_moments_chapters_and_transcript_of_the_detection() {
        bench.gemini.answer(Answer.text(AnswerJson.goodFor120Seconds()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(detection.moments()).containsExactly(
                new Moment(new TimeRange(10_000, 40_000), "The reveal", "Hook: The reveal", "The reveal #shorts",
                        OptionalDouble.of(0.9), OptionalDouble.of(0.7), "Because the reveal."),
                new Moment(new TimeRange(45_000, 75_000), "The crowd goes wild", "Hook: The crowd goes wild",
                        "The crowd goes wild #shorts", OptionalDouble.of(0.6), OptionalDouble.of(0.95),
                        "Because the crowd goes wild."),
                new Moment(new TimeRange(80_000, 110_000), "A quiet ending", "Hook: A quiet ending",
                        "A quiet ending #shorts", OptionalDouble.of(0.3), OptionalDouble.of(0.4),
                        "Because a quiet ending."));
        assertThat(detection.chapters()).containsExactly(
                new Chapter(new TimeRange(0, 60_000), "Setting up", "Where the story starts."),
                new Chapter(new TimeRange(60_000, 120_000), "The payoff", "Where it all comes together."));
        assertThat(detection.transcript()).containsExactly(
                new TranscriptSegment(new TimeRange(0, 4_500), "Hello and welcome back."),
                new TranscriptSegment(new TimeRange(4_500, 9_000), "Today we try something new."),
                new TranscriptSegment(new TimeRange(10_000, 14_000), "And here it is!"));
        assertThat(detection.notes()).containsExactly("gemini: gemini-2.5-flash (API v1beta, prompt moments-v1)"
                + " watched the video in one part: 3 moments, 2 chapters, 3 transcript segments");
        assertThat(detection.usage()).contains(new ModelUsage("gemini-2.5-flash", 1000, 200, 1));
    }

    @Test
    void every_request_carries_the_api_key_and_the_upload_is_resumable() {
        bench.gemini.answer(Answer.text(AnswerJson.goodFor120Seconds()));
        MomentDetector.Request request = bench.lively();

        bench.detector().detect(request, percent -> { });

        List<Recorded> requests = bench.gemini.requests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /upload/v1beta/files",
                "POST /upload-session/1",
                "GET /v1beta/files/file-1",
                "POST /v1beta/models/gemini-2.5-flash:generateContent",
                "DELETE /v1beta/files/file-1");
        assertThat(requests).allSatisfy(r -> assertThat(r.header("x-goog-api-key")).isEqualTo(Bench.KEY));
        Recorded start = requests.get(0);
        assertThat(start.header("X-Goog-Upload-Protocol")).isEqualTo("resumable");
        assertThat(start.header("X-Goog-Upload-Command")).isEqualTo("start");
        assertThat(start.header("X-Goog-Upload-Header-Content-Type")).isEqualTo("video/mp4");
        assertThat(requests.get(1).header("X-Goog-Upload-Command")).isEqualTo("upload, finalize");
        TimeRange whole = new TimeRange(0, 120_000);
        assertThat(bench.parts.cuts()).singleElement().satisfies(cut -> {
            assertThat(cut.source()).isEqualTo(request.source());
            assertThat(cut.ranges()).containsExactly(whole);
        });
        assertThat(new String(bench.gemini.files().get("files/file-1"), StandardCharsets.UTF_8))
                .contains(FakeVideoParts.label(request.source(), whole));
    }

    @Test
    void generate_content_asks_for_json_in_the_schema_about_the_uploaded_file_with_the_versioned_prompt() {
        bench.gemini.answer(Answer.text(AnswerJson.goodFor120Seconds()));

        bench.detector().detect(bench.lively(), percent -> { });

        JsonNode body = bench.gemini.generateContentRequests().get(0).json();
        JsonNode parts = body.get("contents").get(0).get("parts");
        assertThat(body.get("contents").get(0).get("role").asText()).isEqualTo("user");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).get("fileData").get("fileUri").asText())
                .isEqualTo(bench.gemini.baseUrl().resolve("/v1beta/files/file-1").toString());
        assertThat(parts.get(0).get("fileData").get("mimeType").asText()).isEqualTo("video/mp4");
        String prompt = parts.get(1).get("text").asText();
        assertThat(prompt).contains("You are watching the video", "The file lasts 2:00 (120.0 seconds)",
                "Never give a time past 120.0", "(Truss prompt moments-v1)").doesNotContain("{{");
        JsonNode config = body.get("generationConfig");
        assertThat(config.get("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(config.get("mediaResolution").asText()).isEqualTo("MEDIA_RESOLUTION_LOW");
        assertThat(config.has("thinkingConfig")).as("the model's own thinking default").isFalse();
        JsonNode schema = config.get("responseSchema");
        assertThat(schema.get("type").asText()).isEqualTo("OBJECT");
        assertThat(names(schema.get("required"))).containsExactly("moments", "chapters", "transcript");
        JsonNode moment = schema.get("properties").get("moments").get("items");
        assertThat(schema.get("properties").get("moments").get("type").asText()).isEqualTo("ARRAY");
        assertThat(names(moment.get("required"))).containsExactly("startSeconds", "endSeconds", "title", "hookLine",
                "caption", "hookStrength", "emotionalIntensity", "reason");
        assertThat(moment.get("properties").get("hookStrength").get("maximum").asDouble()).isEqualTo(1.0);
        assertThat(names(schema.get("properties").get("chapters").get("items").get("required")))
                .containsExactly("startSeconds", "title", "summary");
        assertThat(names(schema.get("properties").get("transcript").get("items").get("required")))
                .containsExactly("startSeconds", "endSeconds", "text");
    }

    @Test
    void the_frames_resolution_and_the_thinking_budget_are_configuration_sent_with_each_request() {
        bench.gemini.answer(Answer.text(AnswerJson.goodFor120Seconds()));

        bench.detector(settings -> settings.withSpending(GeminiSettings.MediaResolution.HIGH, Optional.of(0)))
                .detect(bench.lively(), percent -> { });

        JsonNode config = bench.gemini.generateContentRequests().get(0).json().get("generationConfig");
        assertThat(config.get("mediaResolution").asText()).isEqualTo("MEDIA_RESOLUTION_HIGH");
        assertThat(config.get("thinkingConfig").get("thinkingBudget").asInt()).isZero();
    }

    @Test
    void the_model_and_api_version_are_configuration() {
        bench.gemini.answer(Answer.text(AnswerJson.goodFor120Seconds()));

        Detection detection = bench.detector(settings -> settings.withModel("gemini-2.5-pro").withApiVersion("v1alpha"))
                .detect(bench.lively(), percent -> { });

        assertThat(bench.gemini.requests()).extracting(r -> r.method() + " " + r.path()).contains(
                "POST /upload/v1alpha/files", "POST /v1alpha/models/gemini-2.5-pro:generateContent");
        assertThat(detection.usage()).map(ModelUsage::model).contains("gemini-2.5-pro");
        assertThat(detection.notes().get(0)).startsWith("gemini: gemini-2.5-pro (API v1alpha, prompt moments-v1)");
    }

    @Test
    void the_smallest_answer_the_sdk_accepts_is_read_and_counts_one_request_without_tokens() {
        String text = GeminiStandIn.JSON.createObjectNode().put("t", AnswerJson.goodFor120Seconds()).get("t").toString();
        bench.gemini.answer(Answer.raw("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + text + "}]}}]}"));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(detection.moments()).hasSize(3);
        assertThat(detection.usage()).contains(new ModelUsage("gemini-2.5-flash", 0, 0, 1));
    }

    @Test
    void thoughts_are_not_part_of_the_answer() {
        bench.gemini.answer(Answer.withThought("Let me think about which moments {are} best...",
                AnswerJson.goodFor120Seconds()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(detection.moments()).hasSize(3);
        assertThat(detection.notes()).hasSize(1);
    }

    @Test
    void the_parts_and_the_uploads_are_deleted_afterwards() throws Exception {
        bench.gemini.answer(Answer.text(AnswerJson.goodFor120Seconds()));

        bench.detector().detect(bench.lively(), percent -> { });

        assertThat(bench.gemini.deleted()).containsExactly("files/file-1");
        assertThat(bench.parts.directories().get(0)).doesNotExist();
        assertThat(Files.exists(bench.parts.directories().get(0).getParent())).isTrue();
    }

    @Test
    void progress_moves_forward_from_0_to_100() {
        bench.gemini.answer(Answer.text(AnswerJson.goodFor120Seconds()));
        List<Integer> reported = new ArrayList<>();

        bench.detector().detect(bench.lively(), reported::add);

        assertThat(reported).startsWith(0).endsWith(100).isSorted().doesNotHaveDuplicates().hasSizeGreaterThan(4);
    }

    @Test
    void an_unknown_prompt_version_is_refused_when_the_detector_is_made() {
        assertThatThrownBy(() -> bench.detector(settings -> settings.withPromptVersion("moments-v99")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Gemini prompt version 'moments-v99'")
                .hasMessageContaining("dev/truss/adapters/gemini/prompts/moments-v99.txt");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asText()));
        return names;
    }
}
