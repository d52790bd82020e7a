package dev.truss.adapters.http;

import static dev.truss.adapters.http.Journeys.ids;
import static dev.truss.adapters.http.Journeys.items;
import static dev.truss.adapters.http.Journeys.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClipsTest {

    private static final TestServer SERVER = TestServer.forManyCreators();
    private static final Journeys JOURNEYS = new Journeys(SERVER);
    private static final String UNKNOWN = "01J00000000000000000000000";

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    /** A creator with one analysed video; its clips in timeline order. */
    private record Creator(ApiClient browser, String asset, List<JsonNode> clips) {
        String clip() {
            return clips.get(0).get("id").asString();
        }

        long version() {
            return clips.get(0).get("version").asLong();
        }
    }

    private static Creator creatorWithClips() {
        ApiClient browser = SERVER.newCreator();
        String asset = JOURNEYS.analysedVideo(browser);
        return new Creator(browser, asset, Journeys.clipsOf(browser, asset));
    }

    @Test
    void clips_are_listed_newest_first_or_best_first_each_score_with_its_reasons() {
        Creator creator = creatorWithClips();

        List<JsonNode> newest = items(creator.browser().get("/api/clips"));
        List<JsonNode> top = items(creator.browser().get("/api/clips?order=TOP"));

        assertThat(ids(creator.browser().get("/api/clips?order=newest"))).isEqualTo(
                newest.stream().map(c -> c.get("id").asString()).toList());
        assertThat(newest).extracting(c -> c.get("id").asString())
                .isSortedAccordingTo(Comparator.reverseOrder())
                .containsExactlyInAnyOrderElementsOf(creator.clips().stream().map(c -> c.get("id").asString()).toList());
        assertThat(top).extracting(c -> c.get("score").get("value").asInt()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(top).allSatisfy(clip -> {
            JsonNode score = clip.get("score");
            int points = 0;
            for (JsonNode contribution : score.get("contributions")) {
                points += contribution.get("points").asInt();
                assertThat(contribution.get("signal").asString()).isNotBlank();
                assertThat(contribution.get("reason").asString()).isNotBlank();
            }
            assertThat(points).isEqualTo(score.get("value").asInt());
            assertThat(clip.get("durationMs").asLong()).isEqualTo(clip.get("endMs").asLong() - clip.get("startMs").asLong());
            assertThat(clip.get("render").get("state").asString()).isEqualTo("not_rendered");
        });
    }

    @Test
    void clip_lists_are_paged_by_a_cursor_that_fits_only_its_own_list() {
        Creator creator = creatorWithClips();
        ApiClient browser = creator.browser();
        int all = creator.clips().size();

        List<String> newest = new ArrayList<>();
        ApiClient.Reply page = browser.get("/api/clips?limit=1");
        newest.addAll(ids(page));
        ApiClient.Reply second = browser.get("/api/clips?limit=1&cursor=" + next(page));
        newest.addAll(ids(second));
        ApiClient.Reply topPage = browser.get("/api/clips?order=top&limit=" + (all - 1));
        ApiClient.Reply topRest = browser.get("/api/clips?order=top&limit=" + (all - 1) + "&cursor=" + next(topPage));

        assertThat(newest).hasSize(2).doesNotHaveDuplicates();
        assertThat(ids(topPage)).hasSize(all - 1);
        assertThat(ids(topRest)).hasSize(1);
        assertThat(next(topRest)).isNull();
        assertThat(browser.get("/api/clips?order=top&cursor=" + next(page)).status()).isEqualTo(400);
        assertThat(browser.get("/api/clips?cursor=" + next(page) + "x").status()).isEqualTo(400);
    }

    @Test
    void one_clip_reads_as_it_is_listed() {
        Creator creator = creatorWithClips();

        ApiClient.Reply one = creator.browser().get("/api/clips/" + creator.clip());

        assertThat(one.status()).isEqualTo(200);
        assertThat(items(creator.browser().get("/api/clips"))).anySatisfy(listed ->
                assertThat(listed).isEqualTo(one.json()));
    }

    @Test
    void an_order_that_is_neither_newest_nor_top_is_a_400_naming_the_parameter() {
        ApiClient.Reply reply = SERVER.newCreator().get("/api/clips?order=best");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("order").contains("newest").contains("top");
    }

    @Test
    void an_edit_changes_what_it_sends_keeps_the_rest_and_moves_the_version_on() {
        Creator creator = creatorWithClips();
        JsonNode before = creator.clips().get(0);
        Map<String, Object> edit = new HashMap<>();
        edit.put("version", creator.version());
        edit.put("title", "The comeback");
        edit.put("layout", "Follow-Action");
        edit.put("startMs", before.get("startMs").asLong() + 1000);
        edit.put("endMs", before.get("endMs").asLong());

        ApiClient.Reply reply = creator.browser().patch("/api/clips/" + creator.clip(), edit);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode after = reply.json();
        assertThat(after.get("title").asString()).isEqualTo("The comeback");
        assertThat(after.get("layout").asString()).isEqualTo("follow_action");
        assertThat(after.get("startMs").asLong()).isEqualTo(before.get("startMs").asLong() + 1000);
        assertThat(after.get("caption").asString()).isEqualTo(before.get("caption").asString());
        assertThat(after.get("version").asLong()).isGreaterThan(before.get("version").asLong());
    }

    @Test
    void an_edit_of_a_version_that_is_not_the_latest_is_a_409_and_changes_nothing() {
        Creator creator = creatorWithClips();
        ApiClient browser = creator.browser();
        assertThat(browser.patch("/api/clips/" + creator.clip(), Map.of("version", creator.version(),
                "title", "First")).status()).isEqualTo(200);

        ApiClient.Reply stale = browser.patch("/api/clips/" + creator.clip(), Map.of("version", creator.version(),
                "title", "Second"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("load it again");
        assertThat(Journeys.clipsOf(browser, creator.asset()).get(0).get("title").asString()).isEqualTo("First");
    }

    @Test
    void an_edit_that_breaks_a_rule_or_is_malformed_is_a_4xx_that_says_what_is_wrong() {
        Creator creator = creatorWithClips();
        ApiClient browser = creator.browser();
        String path = "/api/clips/" + creator.clip();
        long version = creator.version();

        ApiClient.Reply outside = browser.patch(path, Map.of("version", version, "startMs", 170_000, "endMs", 200_000));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("detail").asString()).contains("180000");
        assertThat(detail(browser.patch(path, Map.of("version", version, "startMs", 1000)))).contains("endMs");
        assertThat(detail(browser.patch(path, Map.of("version", version, "startMs", 5000, "endMs", 4000))))
                .contains("end after it starts");
        assertThat(detail(browser.patch(path, Map.of("version", version, "layout", "sideways"))))
                .contains("layout").contains("center_crop");
        assertThat(detail(browser.patch(path, Map.of("title", "No version")))).contains("version");
        assertThat(detail(browser.patch(path, Map.of("version", 0.5, "title", "x")))).contains("version");
        assertThat(detail(browser.patch(path, Map.of("version", version, "title", " ")))).contains("title");
        assertThat(detail(browser.patch(path, Map.of("version", version, "score", 100)))).contains("score");
    }

    @Test
    void rendering_answers_202_with_one_job_and_once_it_ran_the_clip_downloads() {
        Creator creator = creatorWithClips();
        ApiClient browser = creator.browser();
        String clip = creator.clip();
        assertThat(browser.get("/api/clips/" + clip + "/download").status()).isEqualTo(422);

        ApiClient.Reply render = browser.post("/api/clips/" + clip + "/render", Map.of());
        ApiClient.Reply again = browser.post("/api/clips/" + clip + "/render", Map.of());

        assertThat(render.status()).isEqualTo(202);
        assertThat(render.json().get("kind").asString()).isEqualTo("render_clip");
        assertThat(again.json().get("id").asString()).isEqualTo(render.json().get("id").asString());
        assertThat(Journeys.clipsOf(browser, creator.asset()).get(0).get("render").get("state").asString())
                .isEqualTo("rendering");
        JOURNEYS.runJobs();
        assertThat(browser.get("/api/jobs/" + render.json().get("id").asString()).json().get("state").asString())
                .isEqualTo("succeeded");
        JsonNode rendered = Journeys.clipsOf(browser, creator.asset()).get(0).get("render");
        assertThat(rendered.get("state").asString()).isEqualTo("rendered");
        assertThat(rendered.toString()).doesNotContain("creators/");
        ApiClient.Reply download = browser.get("/api/clips/" + clip + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.json().get("url").asString()).isNotBlank();
        assertThat(download.json().get("expiresInSeconds").asLong()).isPositive();
    }

    @Test
    void deleting_a_clip_answers_204_and_then_it_is_gone() {
        Creator creator = creatorWithClips();
        ApiClient browser = creator.browser();

        assertThat(browser.delete("/api/clips/" + creator.clip()).status()).isEqualTo(204);

        assertThat(browser.delete("/api/clips/" + creator.clip()).status()).isEqualTo(404);
        assertThat(ids(browser.get("/api/assets/" + creator.asset() + "/clips"))).doesNotContain(creator.clip())
                .hasSize(creator.clips().size() - 1);
    }

    @Test
    void publishing_needs_a_rendered_clip_and_connected_platforms_and_then_posts_once_per_platform() {
        Creator creator = creatorWithClips();
        ApiClient browser = creator.browser();
        String path = "/api/clips/" + creator.clip() + "/publications";
        Map<String, Object> toYouTube = Map.of("platforms", List.of("YouTube"));
        assertThat(browser.post(path, toYouTube).json().get("detail").asString()).contains("render");
        JOURNEYS.render(browser, creator.clip());
        ApiClient.Reply unconnected = browser.post(path, toYouTube);
        assertThat(unconnected.status()).isEqualTo(422);
        assertThat(unconnected.json().get("detail").asString()).contains("connect").contains("youtube");
        assertThat(JOURNEYS.connect(browser, "youtube").status()).isEqualTo(201);

        ApiClient.Reply queued = browser.post(path, toYouTube);

        assertThat(queued.status()).isEqualTo(202);
        JsonNode publication = queued.json().get("publications").get(0);
        assertThat(publication.get("platform").asString()).isEqualTo("youtube");
        assertThat(publication.get("state").asString()).isEqualTo("pending");
        assertThat(publication.get("job").get("kind").asString()).isEqualTo("publish_clip");
        JOURNEYS.runJobs();
        ApiClient.Reply again = browser.post(path, toYouTube);
        assertThat(again.status()).isEqualTo(200);
        JsonNode published = again.json().get("publications").get(0);
        assertThat(published.get("state").asString()).isEqualTo("published");
        assertThat(published.get("url").asString()).isNotBlank();
        assertThat(published.get("job").isNull()).isTrue();
        assertThat(SERVER.truss.publishers.get(dev.truss.domain.platform.Platform.YOUTUBE)
                .postsOf(dev.truss.domain.id.ClipId.parse(creator.clip()))).hasSize(1);
        ApiClient.Reply listed = browser.get(path);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("publications")).singleElement().satisfies(p -> {
            assertThat(p.get("state").asString()).isEqualTo("published");
            assertThat(p.get("url").asString()).isEqualTo(published.get("url").asString());
        });
    }

    @Test
    void a_clip_never_published_lists_no_publications_and_twitch_is_refused_as_it_takes_no_uploads() {
        Creator creator = creatorWithClips();
        ApiClient browser = creator.browser();
        String path = "/api/clips/" + creator.clip() + "/publications";
        JOURNEYS.render(browser, creator.clip());
        assertThat(JOURNEYS.connect(browser, "twitch").status()).isEqualTo(201);

        ApiClient.Reply twitch = browser.post(path, Map.of("platforms", List.of("twitch")));

        assertThat(browser.get(path).json().get("publications")).isEmpty();
        assertThat(twitch.status()).isEqualTo(422);
        assertThat(twitch.json().get("detail").asString()).contains("Twitch takes no uploads");
    }

    @Test
    void publishing_to_no_platform_or_an_unknown_one_is_a_400_that_lists_the_platforms() {
        Creator creator = creatorWithClips();
        String path = "/api/clips/" + creator.clip() + "/publications";

        assertThat(detail(creator.browser().post(path, Map.of("platforms", List.of())))).contains("platforms");
        assertThat(detail(creator.browser().post(path, Map.of("platforms", List.of("myspace")))))
                .contains("myspace").contains("youtube");
        assertThat(detail(creator.browser().post(path, Map.of("platforms", "youtube")))).contains("platforms");
    }

    @Test
    void an_unknown_malformed_or_someone_elses_clip_is_a_404_on_every_route() {
        Creator owner = creatorWithClips();
        ApiClient browser = SERVER.newCreator();

        for (String id : List.of(UNKNOWN, "../etc", owner.clip())) {
            String path = "/api/clips/" + id;
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
            assertThat(browser.patch(path, Map.of("version", 0, "title", "x")).status()).as(path).isEqualTo(404);
            assertThat(browser.delete(path).status()).as(path).isEqualTo(404);
            assertThat(browser.post(path + "/render", Map.of()).status()).as(path).isEqualTo(404);
            assertThat(browser.get(path + "/download").status()).as(path).isEqualTo(404);
            assertThat(browser.post(path + "/publications", Map.of("platforms", List.of("youtube"))).status())
                    .as(path).isEqualTo(404);
            assertThat(browser.get(path + "/publications").status()).as(path).isEqualTo(404);
        }
        assertThat(items(browser.get("/api/clips"))).isEmpty();
        assertThat(items(browser.get("/api/clips?order=top"))).isEmpty();
    }

    private static String detail(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("detail").asString();
    }
}
