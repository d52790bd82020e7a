package dev.truss.adapters.http;

import static dev.truss.adapters.http.Journeys.ids;
import static dev.truss.adapters.http.Journeys.items;
import static dev.truss.adapters.http.Journeys.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.fake.InMemoryMedia;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AssetsTest {

    private static final TestServer SERVER = TestServer.forManyCreators();
    private static final Journeys JOURNEYS = new Journeys(SERVER);
    private static final String UNKNOWN = "01J00000000000000000000000";

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void an_upload_answers_201_with_the_asset_awaiting_its_bytes_and_where_to_put_them() {
        ApiClient.Reply reply = Journeys.announce(SERVER.newCreator(), "Boss fight", 1234);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode asset = reply.json().get("asset");
        assertThat(asset.get("title").asString()).isEqualTo("Boss fight");
        assertThat(asset.get("state").asString()).isEqualTo("awaiting_upload");
        assertThat(asset.get("sizeBytes").asLong()).isEqualTo(1234);
        assertThat(asset.get("video").isNull()).isTrue();
        JsonNode upload = reply.json().get("upload");
        assertThat(upload.get("url").asString()).isNotBlank();
        assertThat(upload.get("headers").get("Content-Type").asString()).isEqualTo("video/mp4");
        assertThat(upload.get("expiresAt").asString()).endsWith("Z");
        assertThat(asset.has("objectKey")).isFalse();
    }

    @Test
    void an_upload_of_a_type_or_size_truss_does_not_take_is_a_422_that_says_what_it_takes() {
        ApiClient browser = SERVER.newCreator();

        ApiClient.Reply image = browser.post("/api/uploads", Map.of("title", "Cat", "contentType", "image/png",
                "sizeBytes", 10));
        ApiClient.Reply empty = Journeys.announce(browser, "Nothing", 0);

        assertThat(image.status()).isEqualTo(422);
        assertThat(image.json().get("detail").asString()).contains("image/png").contains("video/mp4");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(browser.get("/api/assets").json().get("items")).isEmpty();
    }

    @Test
    void an_upload_with_a_field_missing_or_of_the_wrong_type_is_a_400_that_names_it() {
        ApiClient browser = SERVER.newCreator();

        assertThat(detail(browser.post("/api/uploads", Map.of("title", "x", "contentType", "video/mp4"))))
                .contains("sizeBytes");
        assertThat(detail(browser.post("/api/uploads", Map.of("title", "x", "contentType", "video/mp4",
                "sizeBytes", "lots")))).contains("sizeBytes");
        assertThat(detail(browser.post("/api/uploads", Map.of("title", "x", "contentType", "video/mp4",
                "sizeBytes", 1.5)))).contains("sizeBytes");
        assertThat(detail(browser.post("/api/uploads", Map.of("title", " ", "contentType", "video/mp4",
                "sizeBytes", 10)))).contains("title");
        assertThat(detail(browser.post("/api/uploads", Map.of("contentType", "video/mp4", "sizeBytes", 10))))
                .contains("title");
    }

    @Test
    void completing_an_upload_queues_one_analysis_that_leaves_the_video_analysed_with_chapters_and_clips() {
        ApiClient browser = SERVER.newCreator();
        String asset = JOURNEYS.upload(browser, "Boss fight", Journeys.sampleVideo());

        ApiClient.Reply completed = browser.post("/api/assets/" + asset + "/complete", Map.of());
        ApiClient.Reply again = browser.post("/api/assets/" + asset + "/complete", Map.of());

        assertThat(completed.status()).isEqualTo(202);
        JsonNode job = completed.json().get("job");
        assertThat(job.get("kind").asString()).isEqualTo("analyse_asset");
        assertThat(job.get("state").asString()).isEqualTo("queued");
        assertThat(completed.json().get("asset").get("state").asString()).isEqualTo("uploaded");
        assertThat(completed.json().get("asset").get("video").get("durationMs").asLong()).isEqualTo(180_000);
        assertThat(again.json().get("job").get("id").asString()).isEqualTo(job.get("id").asString());

        JOURNEYS.runJobs();

        assertThat(browser.get("/api/jobs/" + job.get("id").asString()).json().get("state").asString())
                .isEqualTo("succeeded");
        ApiClient.Reply analysed = browser.get("/api/assets/" + asset);
        assertThat(analysed.status()).isEqualTo(200);
        assertThat(analysed.json().get("asset").get("state").asString()).isEqualTo("analysed");
        assertThat(analysed.json().get("chapters")).isNotEmpty();
        List<JsonNode> clips = Journeys.clipsOf(browser, asset);
        assertThat(clips).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(clip -> assertThat(clip.get("assetId").asString()).isEqualTo(asset));
        assertThat(clips).extracting(clip -> clip.get("startMs").asLong()).isSorted();
        ApiClient.Reply afterwards = browser.post("/api/assets/" + asset + "/complete", Map.of());
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.json().get("job").isNull()).isTrue();
    }

    @Test
    void completing_before_the_bytes_arrived_is_a_422_that_says_to_put_them_first() {
        ApiClient browser = SERVER.newCreator();
        String asset = Journeys.announce(browser, "Later", 100).json().get("asset").get("id").asString();

        ApiClient.Reply reply = browser.post("/api/assets/" + asset + "/complete", Map.of());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").asString()).contains("PUT");
    }

    @Test
    void a_file_that_is_not_a_video_is_a_422_with_its_reason_and_the_video_is_marked_failed() {
        ApiClient browser = SERVER.newCreator();
        String asset = JOURNEYS.upload(browser, "Holiday", InMemoryMedia.randomBytes(4096, 7));

        ApiClient.Reply reply = browser.post("/api/assets/" + asset + "/complete", Map.of());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").asString()).startsWith("this file cannot be used: ");
        JsonNode failed = browser.get("/api/assets/" + asset).json().get("asset");
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("failureReason").asString()).isNotBlank();
        assertThat(browser.post("/api/assets/" + asset + "/analysis", Map.of()).status()).isEqualTo(422);
    }

    @Test
    void asking_for_the_analysis_answers_202_with_the_job_and_twice_gives_the_same_job() {
        ApiClient browser = SERVER.newCreator();
        String asset = JOURNEYS.upload(browser, "Boss fight", Journeys.sampleVideo());
        String queued = browser.post("/api/assets/" + asset + "/complete", Map.of()).json().get("job").get("id")
                .asString();

        ApiClient.Reply reply = browser.post("/api/assets/" + asset + "/analysis", Map.of());

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("id").asString()).isEqualTo(queued);
        JOURNEYS.runJobs();
        ApiClient.Reply analysedAlready = browser.post("/api/assets/" + asset + "/analysis", Map.of());
        assertThat(analysedAlready.status()).isEqualTo(422);
        assertThat(analysedAlready.json().get("detail").asString()).contains("analysed already");
    }

    @Test
    void videos_are_listed_newest_first_a_page_at_a_time() {
        ApiClient browser = SERVER.newCreator();
        String first = Journeys.announce(browser, "One", 10).json().get("asset").get("id").asString();
        SERVER.truss.clock.advance(java.time.Duration.ofSeconds(1));
        String second = Journeys.announce(browser, "Two", 10).json().get("asset").get("id").asString();
        SERVER.truss.clock.advance(java.time.Duration.ofSeconds(1));
        String third = Journeys.announce(browser, "Three", 10).json().get("asset").get("id").asString();

        ApiClient.Reply page1 = browser.get("/api/assets?limit=2");
        ApiClient.Reply page2 = browser.get("/api/assets?limit=2&cursor=" + next(page1));

        assertThat(ids(page1)).containsExactly(third, second);
        assertThat(ids(page2)).containsExactly(first);
        assertThat(next(page2)).isNull();
        assertThat(items(browser.get("/api/assets"))).hasSize(3);
    }

    @Test
    void a_forged_or_foreign_cursor_or_a_wrong_limit_is_a_400() {
        ApiClient browser = SERVER.newCreator();
        for (int i = 0; i < 3; i++) {
            Journeys.announce(browser, "Video " + i, 10);
        }
        String cursor = next(browser.get("/api/assets?limit=1"));
        ApiClient other = SERVER.newCreator();

        assertThat(detail(browser.get("/api/assets?limit=1&cursor=" + cursor.substring(1)))).contains("cursor");
        assertThat(detail(browser.get("/api/assets?cursor=forged"))).contains("cursor");
        assertThat(detail(other.get("/api/assets?cursor=" + cursor))).contains("cursor");
        assertThat(detail(browser.get("/api/assets?limit=0"))).contains("1–100");
        assertThat(detail(browser.get("/api/assets?limit=101"))).contains("1–100");
        assertThat(detail(browser.get("/api/assets?limit=ten"))).contains("limit");
    }

    @Test
    void an_unknown_malformed_or_someone_elses_video_is_a_404_on_every_route() {
        ApiClient owner = SERVER.newCreator();
        String theirs = Journeys.announce(owner, "Mine", 10).json().get("asset").get("id").asString();
        ApiClient browser = SERVER.newCreator();

        for (String id : List.of(UNKNOWN, "not-an-id", theirs)) {
            assertThat(browser.get("/api/assets/" + id).status()).as(id).isEqualTo(404);
            assertThat(browser.get("/api/assets/" + id + "/clips").status()).as(id).isEqualTo(404);
            assertThat(browser.post("/api/assets/" + id + "/complete", Map.of()).status()).as(id).isEqualTo(404);
            assertThat(browser.post("/api/assets/" + id + "/analysis", Map.of()).status()).as(id).isEqualTo(404);
        }
        assertThat(owner.get("/api/assets/" + theirs).status()).isEqualTo(200);
    }

    private static String detail(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("detail").asString();
    }
}
