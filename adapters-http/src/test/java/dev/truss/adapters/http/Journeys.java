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
