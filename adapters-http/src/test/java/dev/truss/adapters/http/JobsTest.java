package dev.truss.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JobsTest {

    private static final TestServer SERVER = TestServer.forManyCreators();
    private static final Journeys JOURNEYS = new Journeys(SERVER);

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static String queuedAnalysis(ApiClient browser) {
        String asset = JOURNEYS.upload(browser, "Boss fight", Journeys.sampleVideo());
        return browser.post("/api/assets/" + asset + "/complete", Map.of()).json().get("job").get("id").asString();
    }

    @Test
    void a_job_is_polled_from_queued_to_succeeded_with_its_stage_percent_and_attempts() {
        ApiClient browser = SERVER.newCreator();
        String job = queuedAnalysis(browser);

        JsonNode queued = browser.get("/api/jobs/" + job).json();
        JOURNEYS.runJobs();
        JsonNode done = browser.get("/api/jobs/" + job).json();

        assertThat(queued.get("state").asString()).isEqualTo("queued");
        assertThat(queued.get("percent").asInt()).isZero();
        assertThat(queued.get("attempts").asInt()).isZero();
        assertThat(queued.get("lastError").isNull()).isTrue();
        assertThat(queued.get("notes")).isEmpty();
        assertThat(done.get("state").asString()).isEqualTo("succeeded");
        assertThat(done.get("stage").asString()).isEqualTo("done");
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("maxAttempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(done.get("notes").get(0).asString()).startsWith("local detector: ");
    }

    @Test
    void a_failing_job_shows_its_last_error() {
        ApiClient browser = SERVER.newCreator();
        String job = queuedAnalysis(browser);
        String asset = browser.get("/api/jobs/" + job).json().get("subject").asString();
        SERVER.truss.objects.keys().stream().filter(key -> key.contains(asset))
                .forEach(SERVER.truss.objects::delete); // the video vanished from storage

        JOURNEYS.runJobs();
        JsonNode failed = browser.get("/api/jobs/" + job).json();

        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("lastError").asString()).isNotBlank();
        assertThat(browser.get("/api/assets/" + asset).json().get("asset").get("state").asString()).isEqualTo("failed");
    }

    @Test
    void an_unknown_malformed_or_someone_elses_job_is_a_404() {
        String theirs = queuedAnalysis(SERVER.newCreator());
        ApiClient browser = SERVER.newCreator();

        assertThat(browser.get("/api/jobs/" + theirs).status()).isEqualTo(404);
        assertThat(browser.get("/api/jobs/01J00000000000000000000000").status()).isEqualTo(404);
        ApiClient.Reply malformed = browser.get("/api/jobs/job-1");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("detail").asString()).contains("job-1");
    }
}
