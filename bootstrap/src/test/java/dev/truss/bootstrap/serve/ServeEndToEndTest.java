package dev.truss.bootstrap.serve;

import static dev.truss.bootstrap.serve.Browser.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegRun;
import dev.truss.adapters.media.FfprobeMediaProbe;
import dev.truss.adapters.media.SampleVideo;
import dev.truss.application.port.media.MediaProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code truss serve} on its embedded defaults (SQLite, S3Proxy, FFmpeg, the local detector,
 * durable job workers), with mail sent to GreenMail: a creator goes from login to a downloaded
 * vertical clip, with a plain HTTP client doing what a browser would.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeEndToEndTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final JsonMapper JSON = Browser.JSON;

    @TempDir
    static Path dir;

    private static TrussServer server;
    private static Path video;

    @BeforeAll
    static void start() {
        ServeSettings settings = ServeSettings.embedded(dir.resolve("data"), 0)
                .withSmtp(new ServeSettings.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), Optional.empty(),
                        Optional.empty(), "login@truss.example", "NONE"));
        server = TrussServer.start(settings, new PrintStream(new ByteArrayOutputStream()));
        video = dir.resolve("upload.mp4");
        SampleVideo.write(new FfmpegRun(Ffmpeg.locate(Optional.empty())), video, 640, 360);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_creator_logs_in_by_mail_uploads_a_video_and_downloads_a_rendered_clip() throws Exception {
        Browser browser = new Browser(server.publicOrigin(), URI.create("http://127.0.0.1:" + server.port()));

        // Log in: the link arrives by SMTP, and opening it works once.
        assertThat(browser.post("/api/auth/magic-links", Map.of("email", "ada@example.com")).statusCode()).isEqualTo(202);
        String link = linkMailedTo("ada@example.com");
        String token = URI.create(link).getQuery().substring("token=".length());
        assertThat(browser.get(URI.create(link).getPath() + "?token=" + token).statusCode()).isEqualTo(200);
        assertThat(browser.post("/api/auth/sessions", Map.of("token", token)).statusCode()).isEqualTo(201);
        assertThat(browser.post("/api/auth/sessions", Map.of("token", token)).statusCode()).isEqualTo(400);

        // Upload straight to object storage with the presigned URL; the server never sees the bytes.
        long size = Files.size(video);
        JsonNode started = json(browser.post("/api/uploads",
                Map.of("title", "Launch stream", "contentType", "video/mp4", "sizeBytes", size)), 201);
        String assetId = started.get("asset").get("id").asString();
        Browser.putToStorage(started.get("upload"), video);

        // Complete: the video is probed and its analysis runs as a background job.
        JsonNode completed = json(browser.post("/api/assets/" + assetId + "/complete", Map.of()), 202);
        JsonNode analysis = browser.awaitJob(completed.get("job").get("id").asString());
        assertThat(analysis.get("state").asString()).isEqualTo("succeeded");
        assertThat(analysis.get("percent").asInt()).isEqualTo(100);

        JsonNode top = json(browser.get("/api/clips?order=top"), 200).get("items");
        assertThat(top.size()).isPositive();
        JsonNode best = top.get(0);
        assertThat(best.get("score").get("value").asInt()).isBetween(0, 100);
        assertThat(best.get("score").get("contributions").size()).isPositive();
        String clipId = best.get("id").asString();

        // Render it, then download the vertical clip through a presigned URL.
        JsonNode render = json(browser.post("/api/clips/" + clipId + "/render", Map.of()), 202);
        assertThat(browser.awaitJob(render.get("id").asString()).get("state").asString()).isEqualTo("succeeded");
        String url = json(browser.get("/api/clips/" + clipId + "/download"), 200).get("url").asString();
        Path clip = dir.resolve("clip.mp4");
        HttpResponse<Path> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofFile(clip));
        assertThat(download.statusCode()).isEqualTo(200);

        MediaProbe.Result probed = new FfprobeMediaProbe(Ffmpeg.locate(Optional.empty())).probe(clip.toUri());
        assertThat(probed).isInstanceOf(MediaProbe.Playable.class);
        var properties = ((MediaProbe.Playable) probed).video();
        assertThat(properties.width()).isEqualTo(1080);
        assertThat(properties.height()).isEqualTo(1920);
        assertThat(properties.durationMs()).isCloseTo(best.get("durationMs").asLong(), org.assertj.core.data.Offset.offset(1500L));
    }

    @Test
    void a_file_that_is_not_a_video_is_refused_with_its_reason_at_completion() throws Exception {
        Browser browser = new Browser(server.publicOrigin(), URI.create("http://127.0.0.1:" + server.port()));
        browser.post("/api/auth/magic-links", Map.of("email", "bob@example.com"));
        String token = URI.create(linkMailedTo("bob@example.com")).getQuery().substring("token=".length());
        browser.post("/api/auth/sessions", Map.of("token", token));
        byte[] notVideo = "this is a text file, not a video".repeat(100).getBytes();

        JsonNode started = json(browser.post("/api/uploads",
                Map.of("title", "Oops", "contentType", "video/mp4", "sizeBytes", notVideo.length)), 201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(started.get("upload").get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(notVideo));
        started.get("upload").get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
        HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> completed = browser.post("/api/assets/" + started.get("asset").get("id").asString()
                + "/complete", Map.of());

        assertThat(completed.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(completed.body()).get("detail").asString()).isNotBlank();
    }

    private static String linkMailedTo(String email) throws Exception {
        return Browser.linkMailedTo(MAIL, email);
    }
}
