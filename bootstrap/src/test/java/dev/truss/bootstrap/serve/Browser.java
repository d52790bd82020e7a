package dev.truss.bootstrap.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser on Truss's page does, for the end-to-end tests of {@code truss serve}: keeps the
 * session cookie, sends our Origin, polls jobs as a progress bar would. The journeys' common
 * steps (logging in by a mailed link, uploading a video and rendering its best clip) are here too.
 */
final class Browser {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("(http://\\S+/login/verify\\?token=[A-Za-z0-9_-]+)");

    private final String origin;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    Browser(URI origin, URI base) {
        this.origin = origin.toString();
        this.base = base;
    }

    /** On {@code server}'s page, talking to it on the loopback address. */
    Browser(TrussServer server) {
        this(server.publicOrigin(), URI.create("http://127.0.0.1:" + server.port()));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Origin", origin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Origin", origin).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the job until it ends, as a client showing a progress bar would. */
    JsonNode awaitJob(String jobId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = json(get("/api/jobs/" + jobId), 200);
            String state = job.get("state").asString();
            if (state.equals("succeeded") || state.equals("failed")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not end in time");
    }

    /** Logs in as {@code email} with the link mailed to GreenMail. */
    void logIn(GreenMailExtension mail, String email) throws Exception {
        assertThat(post("/api/auth/magic-links", Map.of("email", email)).statusCode()).isEqualTo(202);
        String token = URI.create(linkMailedTo(mail, email)).getQuery().substring("token=".length());
        assertThat(post("/api/auth/sessions", Map.of("token", token)).statusCode()).isEqualTo(201);
    }

    /**
     * Uploads {@code video} with the presigned URL, completes it, waits for its analysis, renders
     * the top clip and waits for that: the clip's id.
     */
    /** PUTs the video straight to object storage with the presigned {@code upload} (URL and headers). */
    static void putToStorage(JsonNode upload, Path video) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofFile(video));
        upload.get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
        assertThat(HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
    }

    String uploadAndRenderTopClip(Path video, String title) throws Exception {
        JsonNode started = json(post("/api/uploads",
                Map.of("title", title, "contentType", "video/mp4", "sizeBytes", Files.size(video))), 201);
        putToStorage(started.get("upload"), video);
        JsonNode completed = json(post("/api/assets/" + started.get("asset").get("id").asString() + "/complete",
                Map.of()), 202);
        assertThat(awaitJob(completed.get("job").get("id").asString()).get("state").asString()).isEqualTo("succeeded");
        JsonNode top = json(get("/api/clips?order=top"), 200).get("items");
        assertThat(top.size()).isPositive();
        String clipId = top.get(0).get("id").asString();
        JsonNode render = json(post("/api/clips/" + clipId + "/render", Map.of()), 202);
        assertThat(awaitJob(render.get("id").asString()).get("state").asString()).isEqualTo("succeeded");
        return clipId;
    }

    /** The rendered clip's bytes, downloaded through its presigned URL. */
    byte[] downloadClip(String clipId) throws Exception {
        String url = json(get("/api/clips/" + clipId + "/download"), 200).get("url").asString();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        return download.body();
    }

    static String linkMailedTo(GreenMailExtension mail, String email) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : mail.getReceivedMessagesForDomain(email)) {
                Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no login link reached " + email);
    }

    static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
