package dev.truss.adapters.http;

import static dev.truss.adapters.http.Journeys.encode;
import static dev.truss.adapters.http.Journeys.ids;
import static dev.truss.adapters.http.Journeys.items;
import static dev.truss.adapters.http.Journeys.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.stream.ChatSpike;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamsTest {

    private static final TestServer SERVER = TestServer.forManyCreators();
    private static final String UNKNOWN = "01J00000000000000000000000";

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static JsonNode start(ApiClient browser, String title) {
        ApiClient.Reply reply = browser.post("/api/streams", Map.of("title", title, "platform", "Twitch"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** A minute of chat at {@code perMinute} messages, sent as one batch when the minute is over. */
    private static ApiClient.Reply chatMinute(ApiClient browser, JsonNode stream, int minute, int perMinute) {
        Instant start = Instant.parse(stream.get("startedAt").asString()).plus(Duration.ofMinutes(minute));
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < perMinute; i++) {
            messages.add(Map.of("at", start.plusMillis(60_000L * i / perMinute).toString(),
                    "text", i % 3 == 0 ? "CLIP IT!!" : "gg"));
        }
        SERVER.truss.clock.set(start.plus(Duration.ofMinutes(1)));
        ApiClient.Reply reply = browser.post("/api/streams/" + stream.get("id").asString() + "/chat",
                Map.of("messages", messages));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    @Test
    void starting_a_stream_answers_201_with_the_stream_live() {
        ApiClient browser = SERVER.newCreator();
        JsonNode stream = start(browser, "Ranked grind");

        assertThat(browser.get("/api/streams/" + stream.get("id").asString()).json()).isEqualTo(stream);

        assertThat(stream.get("platform").asString()).isEqualTo("twitch");
        assertThat(stream.get("state").asString()).isEqualTo("live");
        assertThat(stream.get("endedAt").isNull()).isTrue();
        assertThat(stream.get("messageCount").asLong()).isZero();
        assertThat(stream.has("chat")).isFalse();
    }

    @Test
    void a_stream_without_a_title_or_on_an_unknown_platform_is_a_400_that_says_so() {
        ApiClient browser = SERVER.newCreator();

        assertThat(detail(browser.post("/api/streams", Map.of("title", "x", "platform", "myspace"))))
                .contains("platform").contains("twitch");
        assertThat(detail(browser.post("/api/streams", Map.of("title", "x")))).contains("platform");
        assertThat(detail(browser.post("/api/streams", Map.of("platform", "twitch")))).contains("title");
        assertThat(detail(browser.post("/api/streams", Map.of("title", "  ", "platform", "twitch")))).contains("title");
    }

    @Test
    void a_burst_of_chat_is_a_spike_listed_with_its_stream_and_in_its_time_range() {
        ApiClient browser = SERVER.newCreator();
        JsonNode stream = start(browser, "Ranked grind");
        String id = stream.get("id").asString();
        List<JsonNode> found = new ArrayList<>();
        for (int minute = 0; minute < 10; minute++) {
            chatMinute(browser, stream, minute, minute == 8 ? 120 : 12).json().get("newSpikes").forEach(found::add);
        }

        ApiClient.Reply ended = browser.post("/api/streams/" + id + "/end", Map.of());

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("state").asString()).isEqualTo("ended");
        assertThat(ended.json().get("messageCount").asLong()).isEqualTo(9 * 12 + 120);
        List<JsonNode> spikes = items(browser.get("/api/streams/" + id + "/spikes"));
        assertThat(spikes).hasSize(1);
        JsonNode spike = spikes.get(0);
        assertThat(spike.get("streamId").asString()).isEqualTo(id);
        assertThat(spike.get("intensity").asDouble()).isGreaterThan(1);
        Instant startedAt = Instant.parse(stream.get("startedAt").asString());
        assertThat(Instant.parse(spike.get("start").asString()))
                .isBetween(startedAt.plus(Duration.ofMinutes(7)), startedAt.plus(Duration.ofMinutes(9)));
        String range = "from=" + encode(startedAt.toString()) + "&to=" + encode(startedAt.plus(Duration.ofHours(1)).toString());
        assertThat(items(browser.get("/api/spikes?" + range))).hasSize(1);
        assertThat(items(browser.get("/api/spikes?from=" + encode(startedAt.minus(Duration.ofHours(2)).toString())
                + "&to=" + encode(startedAt.toString())))).isEmpty();
        assertThat(found.size()).isLessThanOrEqualTo(1);
    }

    @Test
    void a_burst_of_chat_on_a_connected_twitch_stream_is_clipped_on_twitch_and_listed_with_the_stream() {
        ApiClient browser = SERVER.newCreator();
        assertThat(new Journeys(SERVER).connect(browser, "twitch").status()).isEqualTo(201);
        String broadcaster = items(browser.get("/api/connections")).get(0).get("accountId").asString();
        SERVER.truss.twitch.goLive(broadcaster);
        JsonNode stream = start(browser, "Ranked grind");
        String id = stream.get("id").asString();
        for (int minute = 0; minute < 11; minute++) { // the spike is clipped while it runs, and reported after
            chatMinute(browser, stream, minute, minute == 8 ? 120 : 12);
        }
        new Journeys(SERVER).runJobs();

        List<JsonNode> clips = items(browser.get("/api/streams/" + id + "/live-clips"));

        assertThat(clips).singleElement().satisfies(clip -> {
            assertThat(clip.get("state").asString()).isEqualTo("created");
            assertThat(clip.get("platform").asString()).isEqualTo("twitch");
            assertThat(clip.get("url").asString()).startsWith("https://clips.twitch.example/");
            assertThat(clip.get("spikeStart").asString()).isEqualTo(items(browser.get("/api/streams/" + id + "/spikes"))
                    .get(0).get("start").asString());
        });
        assertThat(browser.get("/api/streams/" + UNKNOWN + "/live-clips").status()).isEqualTo(404);
    }

    @Test
    void streams_are_listed_newest_first_a_page_at_a_time() {
        ApiClient browser = SERVER.newCreator();
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(start(browser, "Stream " + i).get("id").asString());
            SERVER.truss.clock.advance(Duration.ofSeconds(1));
        }

        ApiClient.Reply first = browser.get("/api/streams?limit=2");
        ApiClient.Reply second = browser.get("/api/streams?limit=2&cursor=" + next(first));

        assertThat(ids(first)).containsExactly(started.get(2), started.get(1));
        assertThat(ids(second)).containsExactly(started.get(0));
        assertThat(next(second)).isNull();
        assertThat(browser.get("/api/streams?cursor=" + next(first).replace('A', 'B') + "Q").status()).isEqualTo(400);
    }

    @Test
    void spikes_are_paged_by_a_cursor_bound_to_their_stream_or_range() {
        ApiClient browser = SERVER.newCreator();
        JsonNode stream = start(browser, "Long one");
        String id = stream.get("id").asString();
        Instant startedAt = Instant.parse(stream.get("startedAt").asString());
        CreatorId creator = Journeys.creatorOf(browser);
        for (int i = 1; i <= 3; i++) { // spikes as the detector stores them
            Instant at = startedAt.plus(Duration.ofMinutes(10L * i));
            SERVER.truss.streams.saveSpike(creator, new ChatSpike(StreamId.parse(id), at, at.plusSeconds(20),
                    at.plusSeconds(60), 100, 10, 10, 80));
        }
        String range = "from=" + encode(startedAt.toString()) + "&to="
                + encode(startedAt.plus(Duration.ofHours(2)).toString());

        ApiClient.Reply ofStream = browser.get("/api/streams/" + id + "/spikes?limit=2");
        ApiClient.Reply ofStreamRest = browser.get("/api/streams/" + id + "/spikes?limit=2&cursor=" + next(ofStream));
        ApiClient.Reply inRange = browser.get("/api/spikes?" + range + "&limit=2");
        ApiClient.Reply inRangeRest = browser.get("/api/spikes?" + range + "&limit=2&cursor=" + next(inRange));

        assertThat(items(ofStream)).hasSize(2);
        assertThat(items(ofStreamRest)).hasSize(1);
        assertThat(next(ofStreamRest)).isNull();
        assertThat(items(inRange)).extracting(s -> s.get("start").asString())
                .containsExactly(startedAt.plus(Duration.ofMinutes(10)).toString(),
                        startedAt.plus(Duration.ofMinutes(20)).toString());
        assertThat(items(inRangeRest)).hasSize(1);
        assertThat(items(inRange).get(0).get("durationMs").asLong()).isEqualTo(60_000);
        String otherRange = "from=" + encode(startedAt.plusSeconds(1).toString()) + "&to="
                + encode(startedAt.plus(Duration.ofHours(2)).toString());
        assertThat(browser.get("/api/spikes?" + otherRange + "&cursor=" + next(inRange)).status()).isEqualTo(400);
        assertThat(browser.get("/api/streams/" + id + "/spikes?cursor=" + next(inRange)).status()).isEqualTo(400);
    }

    @Test
    void an_ended_stream_takes_no_more_chat_and_ending_it_again_changes_nothing() {
        ApiClient browser = SERVER.newCreator();
        JsonNode stream = start(browser, "Short");
        String id = stream.get("id").asString();
        JsonNode ended = browser.post("/api/streams/" + id + "/end", Map.of()).json();

        ApiClient.Reply chat = browser.post("/api/streams/" + id + "/chat",
                Map.of("messages", List.of(Map.of("at", SERVER.truss.clock.instant().toString(), "text", "hi"))));
        ApiClient.Reply again = browser.post("/api/streams/" + id + "/end", Map.of());

        assertThat(chat.status()).isEqualTo(422);
        assertThat(chat.json().get("detail").asString()).contains("ended");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(ended);
    }

    @Test
    void a_malformed_chat_batch_is_a_400_naming_the_field_and_one_that_breaks_a_rule_a_422() {
        ApiClient browser = SERVER.newCreator();
        String path = "/api/streams/" + start(browser, "Chatty").get("id").asString() + "/chat";
        String now = SERVER.truss.clock.instant().toString();

        assertThat(detail(browser.post(path, Map.of()))).contains("messages");
        assertThat(detail(browser.post(path, Map.of("messages", List.of(Map.of("text", "no time")))))).contains("at");
        assertThat(detail(browser.post(path, Map.of("messages", List.of(Map.of("at", "yesterday"))))))
                .contains("messages[0].at");
        assertThat(detail(browser.post(path, Map.of("messages", List.of(Map.of("at", now, "txt", "typo"))))))
                .contains("txt");
        assertThat(browser.post(path, Map.of("messages", List.of(Map.of("at", now)))).status()).isEqualTo(200);
        String future = SERVER.truss.clock.instant().plus(Duration.ofHours(1)).toString();
        ApiClient.Reply fromTheFuture = browser.post(path, Map.of("messages", List.of(Map.of("at", future))));
        assertThat(fromTheFuture.status()).isEqualTo(422);
        assertThat(fromTheFuture.json().get("detail").asString()).contains("future");
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            tooMany.add(Map.of("at", now));
        }
        ApiClient.Reply flood = browser.post(path, Map.of("messages", tooMany));
        assertThat(flood.status()).isEqualTo(422);
        assertThat(flood.json().get("detail").asString()).contains("5000");
    }

    @Test
    void a_spike_range_that_is_missing_malformed_or_backwards_is_a_400_naming_the_parameter() {
        ApiClient browser = SERVER.newCreator();
        String now = encode(SERVER.truss.clock.instant().toString());

        assertThat(detail(browser.get("/api/spikes?to=" + now))).contains("from");
        assertThat(detail(browser.get("/api/spikes?from=" + now))).contains("to");
        assertThat(detail(browser.get("/api/spikes?from=yesterday&to=" + now))).contains("from").contains("ISO-8601");
        assertThat(detail(browser.get("/api/spikes?from=" + now + "&to=" + now))).contains("after it starts");
    }

    @Test
    void an_unknown_malformed_or_someone_elses_stream_is_a_404() {
        String theirs = start(SERVER.newCreator(), "Theirs").get("id").asString();
        ApiClient browser = SERVER.newCreator();

        for (String id : List.of(UNKNOWN, "stream-1", theirs)) {
            String path = "/api/streams/" + id;
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
            assertThat(browser.post(path + "/end", Map.of()).status()).as(path).isEqualTo(404);
            assertThat(browser.post(path + "/chat", Map.of("messages", List.of())).status()).as(path).isEqualTo(404);
            assertThat(browser.get(path + "/spikes").status()).as(path).isEqualTo(404);
        }
    }

    private static String detail(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("detail").asString();
    }
}
