package dev.truss.bootstrap.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.adapters.gemini.AnswerJson;
import dev.truss.adapters.gemini.GeminiStandIn;
import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegRun;
import dev.truss.adapters.media.SampleVideo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code truss serve} with a Gemini key: the analysis goes through the real google-genai client
 * to a local server that speaks the Gemini REST protocol, and a creator can still ask for the
 * local detector.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeWithGeminiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("/login/verify\\?token=([A-Za-z0-9_-]+)");
    private static final String MODEL = "gemini-2.5-flash";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void with_a_key_gemini_finds_the_moments_and_a_creator_can_still_ask_for_the_local_detector() throws Exception {
        Path video = dir.resolve("talk.mp4");
        SampleVideo.write(new FfmpegRun(Ffmpeg.locate(Optional.empty())), video, 320, 180);
        try (GeminiStandIn gemini = GeminiStandIn.start("a-test-key")) {
            gemini.answerByDefault(GeminiStandIn.Answer.text(AnswerJson.answer()
                    .moment(10, 40, "The reveal", 0.9, 0.7)
                    .moment(45, 75, "The crowd goes wild", 0.6, 0.95)
                    .chapter(0, "Setting up", "Where it starts.")
                    .segment(10, 14, "And here it is!")
                    .json()));
            ServeSettings settings = ServeSettings.embedded(dir.resolve("data"), 0)
                    .withGemini(new ServeSettings.Gemini("a-test-key", MODEL, Optional.of(gemini.baseUrl())));
            try (TrussServer server = TrussServer.start(settings, new PrintStream(console, true))) {
                assertThat(server.summary()).contains("moments: Gemini " + MODEL);
                logIn(server);
                String assetId = upload(server, video);

                JsonNode analysed = awaitJob(server, json(post(server, "/api/assets/" + assetId + "/complete", "{}"), 202)
                        .get("job").get("id").asString());
                assertThat(analysed.get("state").asString()).isEqualTo("succeeded");
                JsonNode analysis = json(get(server, "/api/assets/" + assetId), 200).get("analysis");
                assertThat(analysis.get("detector").asString()).isEqualTo(MODEL);
                assertThat(analysis.get("usage").get("requests").asInt()).isPositive();
                assertThat(json(get(server, "/api/assets/" + assetId + "/transcript"), 200).get("segments").toString())
                        .contains("And here it is!");
                assertThat(json(get(server, "/api/clips?order=top"), 200).toString()).contains("The reveal");
                assertThat(gemini.generateContentRequests()).hasSize(1)
                        .allSatisfy(request -> assertThat(request.header("x-goog-api-key")).isEqualTo("a-test-key"));

                String second = upload(server, video);
                JsonNode local = awaitJob(server, json(post(server, "/api/assets/" + second + "/complete",
                        "{\"detector\":\"local\"}"), 202).get("job").get("id").asString());
                assertThat(local.get("state").asString()).isEqualTo("succeeded");
                assertThat(json(get(server, "/api/assets/" + second), 200).get("analysis").get("detector").asString())
                        .isEqualTo("local");
                assertThat(gemini.generateContentRequests()).as("the local detector asked no model").hasSize(1);
            }
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("a-test-key");
    }

    private String upload(TrussServer server, Path video) throws Exception {
        JsonNode started = json(post(server, "/api/uploads", "{\"title\":\"Talk\",\"contentType\":\"video/mp4\","
                + "\"sizeBytes\":" + Files.size(video) + "}"), 201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(started.get("upload").get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofFile(video));
        started.get("upload").get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
        assertThat(HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        return started.get("asset").get("id").asString();
    }

    private JsonNode awaitJob(TrussServer server, String jobId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = json(get(server, "/api/jobs/" + jobId), 200);
            if (job.get("state").asString().equals("succeeded") || job.get("state").asString().equals("failed")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not end in time");
    }

    private void logIn(TrussServer server) throws Exception {
        assertThat(post(server, "/api/auth/magic-links", "{\"email\":\"gem@example.com\"}").statusCode()).isEqualTo(202);
        Matcher matcher = TOKEN.matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(matcher.find()).isTrue();
        assertThat(post(server, "/api/auth/sessions", "{\"token\":\"" + matcher.group(1) + "\"}").statusCode())
                .isEqualTo(201);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(TrussServer server, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(base(server).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(TrussServer server, String path, String json) throws Exception {
        return browser.send(HttpRequest.newBuilder(base(server).resolve(path)).header("Content-Type", "application/json")
                .header("Origin", server.publicOrigin().toString()).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI base(TrussServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
