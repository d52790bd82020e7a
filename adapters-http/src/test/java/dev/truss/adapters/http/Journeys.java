package dev.truss.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.port.ObjectStorage;
import dev.truss.domain.id.CreatorId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a creator does through the API before the part a test is about: upload, analyse, render, connect. */
final class Journeys {

    static final String CALLBACK = TestServer.ORIGIN + "/connect/callback";

    private final TestServer server;

    Journeys(TestServer server) {
        this.server = server;
    }

    /** Three minutes with a loud part, a busy part, cuts and silences: the analysis finds several clips in it. */
    static byte[] sampleVideo() {
        return InMemoryMedia.video(180_000).loud(40, 55).motion(95, 120).cuts(42_000, 100_000, 110_000)
                .silence(30_000, 31_500).silence(60_000, 61_000).bytes();
    }

    /** Announces a video; the reply of {@code POST /api/uploads}. */
    static ApiClient.Reply announce(ApiClient browser, String title, long sizeBytes) {
        return browser.post("/api/uploads", Map.of("title", title, "contentType", "video/mp4", "sizeBytes", sizeBytes));
    }

    /** Announces {@code bytes} and PUTs them to the presigned URL, as a browser would; the asset's id. */
    String upload(ApiClient browser, String title, byte[] bytes) {
        ApiClient.Reply announced = announce(browser, title, bytes.length);
        assertThat(announced.status()).as(announced.body()).isEqualTo(201);
        JsonNode upload = announced.json().get("upload");
        Map<String, String> headers = new LinkedHashMap<>();
        upload.get("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asString()));
        server.truss.objects.put(new ObjectStorage.PresignedUpload(URI.create(upload.get("url").asString()), headers,
                Instant.parse(upload.get("expiresAt").asString())), bytes, headers.get("Content-Type"));
        return announced.json().get("asset").get("id").asString();
    }

    /** A video uploaded, completed and analysed into clips; the asset's id. */
    String analysedVideo(ApiClient browser) {
        String asset = upload(browser, "Boss fight", sampleVideo());
        assertThat(browser.post("/api/assets/" + asset + "/complete", Map.of()).status()).isEqualTo(202);
        runJobs();
        return asset;
    }

    /** The clips of a video, in timeline order. */
    static List<JsonNode> clipsOf(ApiClient browser, String asset) {
        ApiClient.Reply reply = browser.get("/api/assets/" + asset + "/clips");
        assertThat(reply.status()).isEqualTo(200);
        return items(reply);
    }

    /** Renders a clip and runs the job. */
    void render(ApiClient browser, String clip) {
        assertThat(browser.post("/api/clips/" + clip + "/render", Map.of()).status()).isEqualTo(202);
        runJobs();
    }

    /** Connects a platform account through the OAuth routes, the platform's consent played by its fake. */
    ApiClient.Reply connect(ApiClient browser, String platform) {
        ApiClient.Reply begun = browser.get("/api/connections/" + platform + "/authorize?redirect=" + encode(CALLBACK));
        assertThat(begun.status()).as(begun.body()).isEqualTo(200);
        URI back = server.truss.authorizers.get(dev.truss.domain.platform.Platform.parse(platform))
                .approve(URI.create(begun.json().get("url").asString()));
        return browser.post("/api/connections/" + platform, Map.of("code", param(back, "code"),
                "state", param(back, "state"), "redirect", CALLBACK));
    }

    /**
     * What one creator made through every area of the API, and the ids and words that are theirs
     * alone: tests of who may see what look for these in answers to someone else.
     */
    record Holdings(ApiClient browser, String creatorId, String email, String displayName, String platform,
                    String accountId, String accountName, List<String> assets, List<String> clips,
                    String renderedClip, List<String> jobs, List<String> streams, String liveStream,
                    Map<String, String> usedGrant, List<String> titles) {

        /** Every id of theirs: the creator, assets, clips, jobs and streams. */
        List<String> ids() {
            List<String> ids = new java.util.ArrayList<>(List.of(creatorId));
            ids.addAll(assets);
            ids.addAll(clips);
            ids.addAll(jobs);
            ids.addAll(streams);
            return List.copyOf(ids);
        }

        /** Everything an answer to someone else must never hold: ids, titles, email, name, platform account. */
        List<String> secrets() {
            List<String> secrets = new java.util.ArrayList<>(ids());
            secrets.addAll(titles);
            secrets.addAll(List.of(email, displayName, accountId, accountName));
            return List.copyOf(secrets);
        }
    }

    /**
     * A creator with something in every list: an analysed video with clips (the first retitled,
     * rendered and published on {@code platform}), a video uploaded but not completed, a
     * {@code platform} account, an ended stream and a live one whose chat burst twice. Each
     * list holds at least two items, so each has a second page.
     */
    Holdings everything(String email, String displayName, String platform) {
        ApiClient browser = server.loggedIn(email);
        assertThat(browser.patch("/api/profile", Map.of("displayName", displayName)).status()).isEqualTo(200);
        String creator = creatorOf(browser).value();
        List<String> titles = new java.util.ArrayList<>();
        List<String> jobs = new java.util.ArrayList<>();

        titles.add(displayName + "'s boss fight");
        String analysed = upload(browser, titles.get(0), sampleVideo());
        ApiClient.Reply completed = browser.post("/api/assets/" + analysed + "/complete", Map.of());
        assertThat(completed.status()).as(completed.body()).isEqualTo(202);
        jobs.add(completed.json().get("job").get("id").asString());
        runJobs();
        List<String> clips = clipsOf(browser, analysed).stream().map(clip -> clip.get("id").asString()).toList();
        assertThat(clips).hasSizeGreaterThanOrEqualTo(2);
        String rendered = clips.get(0);
        titles.add(displayName + "'s best moment");
        assertThat(browser.patch("/api/clips/" + rendered, Map.of("version", clipsOf(browser, analysed).get(0)
                .get("version").asLong(), "title", titles.get(1))).status()).isEqualTo(200);
        ApiClient.Reply render = browser.post("/api/clips/" + rendered + "/render", Map.of());
        assertThat(render.status()).isEqualTo(202);
        jobs.add(render.json().get("id").asString());
        runJobs();

        String accountId = displayName.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + platform;
        String accountName = displayName + " on " + platform;
        ApiClient.Reply begun = browser.get("/api/connections/" + platform + "/authorize?redirect=" + encode(CALLBACK));
        assertThat(begun.status()).as(begun.body()).isEqualTo(200);
        URI back = server.truss.authorizers.get(dev.truss.domain.platform.Platform.parse(platform))
                .approve(URI.create(begun.json().get("url").asString()), accountId, accountName);
        Map<String, String> grant = Map.of("code", param(back, "code"), "state", param(back, "state"),
                "redirect", CALLBACK);
        assertThat(browser.post("/api/connections/" + platform, grant).status()).isEqualTo(201);
        ApiClient.Reply published = browser.post("/api/clips/" + rendered + "/publications",
                Map.of("platforms", List.of(platform)));
        assertThat(published.status()).as(published.body()).isEqualTo(202);
        jobs.add(published.json().get("publications").get(0).get("job").get("id").asString());
        runJobs();

        titles.add(displayName + "'s unfinished upload");
        String unfinished = upload(browser, titles.get(2), sampleVideo());

        titles.add(displayName + "'s ended stream");
        String ended = startStream(browser, titles.get(3));
        assertThat(browser.post("/api/streams/" + ended + "/end", Map.of()).status()).isEqualTo(200);
        server.truss.clock.advance(java.time.Duration.ofSeconds(1));
        titles.add(displayName + "'s live stream");
        String live = startStream(browser, titles.get(4));
        Instant startedAt = server.truss.clock.instant();
        for (int minute = 0; minute < 22; minute++) { // bursts in minutes 8 and 18, each a spike two minutes on
            chatMinute(browser, live, startedAt.plus(java.time.Duration.ofMinutes(minute)),
                    minute == 8 || minute == 18 ? 120 : 12);
        }
        assertThat(items(browser.get("/api/streams/" + live + "/spikes"))).hasSize(2);

        return new Holdings(browser, creator, email, displayName, platform, accountId, accountName,
                List.of(analysed, unfinished), clips, rendered, List.copyOf(jobs), List.of(ended, live), live, grant,
                List.copyOf(titles));
    }

    static String startStream(ApiClient browser, String title) {
        ApiClient.Reply started = browser.post("/api/streams", Map.of("title", title, "platform", "twitch"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    /** A minute of chat from {@code start} at {@code perMinute} messages, sent when the minute is over. */
    void chatMinute(ApiClient browser, String stream, Instant start, int perMinute) {
        List<Map<String, Object>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < perMinute; i++) {
            messages.add(Map.of("at", start.plusMillis(60_000L * i / perMinute).toString(), "text", "gg"));
        }
        server.truss.clock.set(start.plus(java.time.Duration.ofMinutes(1)));
        ApiClient.Reply reply = browser.post("/api/streams/" + stream + "/chat", Map.of("messages", messages));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** The creator a browser is logged in as, for arranging data through the fakes. */
    static CreatorId creatorOf(ApiClient browser) {
        return CreatorId.parse(browser.get("/api/profile").json().get("id").asString());
    }

    void runJobs() {
        try {
            server.truss.runJobs();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> items(ApiClient.Reply reply) {
        List<JsonNode> items = new java.util.ArrayList<>();
        reply.json().get("items").forEach(items::add);
        return items;
    }

    static List<String> ids(ApiClient.Reply reply) {
        return items(reply).stream().map(item -> item.get("id").asString()).toList();
    }

    /** The {@code next} cursor of a page, or null on the last one. */
    static String next(ApiClient.Reply reply) {
        JsonNode next = reply.json().get("next");
        return next.isNull() ? null : next.asString();
    }

    static String param(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
