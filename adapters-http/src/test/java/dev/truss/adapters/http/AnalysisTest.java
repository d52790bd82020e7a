package dev.truss.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.detect.ChoosingDetector;
import dev.truss.application.fake.FakeAiDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Choosing the detector, and what an analysis shows besides clips: the detector, its notes and
 * usage with the video, the transcript on its own, the notes with the job. Two servers: one
 * with an AI detector configured, one without.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalysisTest {

    private static final TestServer WITH_AI = TestServer.withAiForManyCreators();
    private static final TestServer LOCAL_ONLY = TestServer.forManyCreators();

    @AfterAll
    static void stop() {
        WITH_AI.close();
        LOCAL_ONLY.close();
    }

    @Test
    void a_video_analysed_by_the_ai_shows_the_model_its_usage_notes_and_transcript_length() {
        ApiClient browser = WITH_AI.newCreator();
        String asset = new Journeys(WITH_AI).analysedVideo(browser);

        JsonNode analysis = browser.get("/api/assets/" + asset).json().get("analysis");

        assertThat(analysis.get("detector").asString()).isEqualTo(FakeAiDetector.MODEL);
        assertThat(analysis.get("usage").get("model").asString()).isEqualTo(FakeAiDetector.MODEL);
        assertThat(analysis.get("usage").get("inputTokens").asLong()).isEqualTo(3_000);
        assertThat(analysis.get("usage").get("outputTokens").asLong()).isEqualTo(200);
        assertThat(analysis.get("usage").get("requests").asInt()).isEqualTo(1);
        assertThat(analysis.get("notes")).isNotEmpty();
        assertThat(analysis.get("transcriptSegments").asInt()).isEqualTo(45);
    }

    @Test
    void the_transcript_is_read_whole_in_timeline_order() {
        ApiClient browser = WITH_AI.newCreator();
        String asset = new Journeys(WITH_AI).analysedVideo(browser);

        ApiClient.Reply reply = browser.get("/api/assets/" + asset + "/transcript");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("assetId").asString()).isEqualTo(asset);
        List<JsonNode> segments = new ArrayList<>();
        reply.json().get("segments").forEach(segments::add);
        assertThat(segments).hasSize(45);
        assertThat(segments.get(1).get("startMs").asLong()).isEqualTo(4_000);
        assertThat(segments.get(1).get("endMs").asLong()).isEqualTo(7_500);
        assertThat(segments.get(1).get("text").asString()).isEqualTo("Said at 0:04");
        assertThat(segments).extracting(segment -> segment.get("startMs").asLong()).isSorted();
    }

    @Test
    void a_video_not_yet_analysed_has_no_analysis_and_an_empty_transcript() {
        ApiClient browser = WITH_AI.newCreator();
        String asset = new Journeys(WITH_AI).upload(browser, "Later", Journeys.sampleVideo());

        assertThat(browser.get("/api/assets/" + asset).json().get("analysis").isNull()).isTrue();
        assertThat(browser.get("/api/assets/" + asset + "/transcript").json().get("segments")).isEmpty();
    }

    @Test
    void asking_for_the_local_detector_analyses_locally_even_with_an_ai_configured_and_says_so_in_the_subject() {
        ApiClient browser = WITH_AI.newCreator();
        Journeys journeys = new Journeys(WITH_AI);
        String asset = journeys.upload(browser, "Boss fight", Journeys.sampleVideo());
        failAnalysis(WITH_AI, browser, asset);

        ApiClient.Reply reply = browser.post("/api/assets/" + asset + "/analysis", Map.of("detector", "local"));
        journeys.runJobs();

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("subject").asString()).isEqualTo(asset + ":local");
        JsonNode analysis = browser.get("/api/assets/" + asset).json().get("analysis");
        assertThat(analysis.get("detector").asString()).isEqualTo("local");
        assertThat(analysis.get("usage").isNull()).isTrue();
        assertThat(analysis.get("transcriptSegments").asInt()).isZero();
        assertThat(browser.get("/api/assets/" + asset + "/transcript").json().get("segments")).isEmpty();
    }

    @Test
    void asking_for_the_ai_where_none_is_configured_runs_the_local_detector_and_the_job_shows_why() {
        ApiClient browser = LOCAL_ONLY.newCreator();
        Journeys journeys = new Journeys(LOCAL_ONLY);
        String asset = journeys.upload(browser, "Boss fight", Journeys.sampleVideo());
        failAnalysis(LOCAL_ONLY, browser, asset);

        String job = browser.post("/api/assets/" + asset + "/analysis", Map.of("detector", "ai")).json().get("id")
                .asString();
        journeys.runJobs();
        JsonNode done = browser.get("/api/jobs/" + job).json();

        assertThat(done.get("state").asString()).isEqualTo("succeeded");
        assertThat(done.get("subject").asString()).isEqualTo(asset + ":ai");
        assertThat(done.get("notes").get(0).asString()).isEqualTo(ChoosingDetector.NO_AI_CONFIGURED);
        JsonNode analysis = browser.get("/api/assets/" + asset).json().get("analysis");
        assertThat(analysis.get("detector").asString()).isEqualTo("local");
        assertThat(analysis.get("notes").get(0).asString()).isEqualTo(ChoosingDetector.NO_AI_CONFIGURED);
    }

    @Test
    void an_ai_that_fell_back_shows_the_fallback_first_on_its_job() {
        ApiClient browser = WITH_AI.newCreator();
        Journeys journeys = new Journeys(WITH_AI);
        String asset = journeys.upload(browser, "Boss fight", Journeys.sampleVideo());
        journeys.runJobs(); // what other tests left queued, so only this analysis falls back
        WITH_AI.truss.ai.fallBackNext(1);

        String job = browser.post("/api/assets/" + asset + "/complete", Map.of()).json().get("job").get("id")
                .asString();
        journeys.runJobs();

        JsonNode done = browser.get("/api/jobs/" + job).json();
        assertThat(done.get("notes").get(0).asString()).isEqualTo(FakeAiDetector.FALLBACK_NOTE);
        assertThat(browser.get("/api/assets/" + asset).json().get("analysis").get("detector").asString())
                .isEqualTo("local");
    }

    @Test
    void an_analysis_asked_for_with_no_body_an_empty_object_auto_or_even_another_detector_while_queued_is_one_job() {
        ApiClient browser = LOCAL_ONLY.newCreator();
        String asset = new Journeys(LOCAL_ONLY).upload(browser, "Boss fight", Journeys.sampleVideo());
        String queued = browser.post("/api/assets/" + asset + "/complete", Map.of()).json().get("job").get("id")
                .asString();

        ApiClient.Reply none = browser.send("POST", "/api/assets/" + asset + "/analysis", (String) null, null);
        ApiClient.Reply empty = browser.post("/api/assets/" + asset + "/analysis", Map.of());
        ApiClient.Reply auto = browser.post("/api/assets/" + asset + "/analysis", Map.of("detector", "auto"));
        ApiClient.Reply ai = browser.post("/api/assets/" + asset + "/analysis", Map.of("detector", "AI"));

        assertThat(List.of(none, empty, auto)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(202);
            assertThat(reply.json().get("id").asString()).isEqualTo(queued);
            assertThat(reply.json().get("subject").asString()).isEqualTo(asset);
        });
        assertThat(ai.status()).isEqualTo(202);
        assertThat(ai.json().get("id").asString()).as("one analysis per state of the video").isEqualTo(queued);
        assertThat(ai.json().get("subject").asString()).as("the queued job's own detector").isEqualTo(asset);
    }

    @Test
    void an_unknown_detector_or_field_is_a_400_that_names_the_choices() {
        ApiClient browser = LOCAL_ONLY.newCreator();
        String asset = new Journeys(LOCAL_ONLY).upload(browser, "Boss fight", Journeys.sampleVideo());

        ApiClient.Reply unknown = browser.post("/api/assets/" + asset + "/analysis", Map.of("detector", "gpt"));
        ApiClient.Reply typo = browser.post("/api/assets/" + asset + "/analysis", Map.of("detektor", "ai"));
        ApiClient.Reply text = browser.send("POST", "/api/assets/" + asset + "/analysis", "ai", "text/plain");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("detector").contains("auto").contains("local")
                .contains("ai");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void a_successful_job_without_anything_to_say_has_no_notes_and_an_unknown_videos_transcript_is_a_404() {
        ApiClient browser = LOCAL_ONLY.newCreator();
        String other = new Journeys(LOCAL_ONLY).upload(LOCAL_ONLY.newCreator(), "Theirs", Journeys.sampleVideo());

        assertThat(browser.get("/api/assets/01J00000000000000000000000/transcript").status()).isEqualTo(404);
        assertThat(browser.get("/api/assets/not-an-id/transcript").status()).isEqualTo(404);
        assertThat(browser.get("/api/assets/" + other + "/transcript").status()).isEqualTo(404);
    }

    /** Completes the upload and makes its analysis fail for good, so the video can be analysed again. */
    private static void failAnalysis(TestServer server, ApiClient browser, String asset) {
        new Journeys(server).runJobs(); // what other tests left queued, so only this analysis meets the failures
        server.truss.signals.failNext(dev.truss.domain.job.Job.DEFAULT_MAX_ATTEMPTS);
        assertThat(browser.post("/api/assets/" + asset + "/complete", Map.of()).status()).isEqualTo(202);
        new Journeys(server).runJobs();
        assertThat(browser.get("/api/assets/" + asset).json().get("asset").get("state").asString()).isEqualTo("failed");
    }
}
