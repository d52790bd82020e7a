package dev.truss.bootstrap.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeOnOneMachineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("/login/verify\\?token=([A-Za-z0-9_-]+)");

    @TempDir
    Path data;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void without_smtp_the_login_link_is_printed_on_the_console_and_logs_in() throws Exception {
        try (TrussServer server = TrussServer.start(ServeSettings.embedded(data, 0), new PrintStream(console, true))) {
            assertThat(server.summary()).contains("SQLite in " + data, "embedded S3", "printed here");

            logIn(server, "local@example.com");

            assertThat(get(server, "/api/profile").body()).contains("local@example.com");
        }
    }

    @Test
    void the_session_and_the_data_survive_a_restart_on_the_same_directory() throws Exception {
        String assetId;
        try (TrussServer first = TrussServer.start(ServeSettings.embedded(data, 0), new PrintStream(console, true))) {
            logIn(first, "again@example.com");
            HttpResponse<String> upload = post(first, "/api/uploads",
                    "{\"title\":\"Kept\",\"contentType\":\"video/mp4\",\"sizeBytes\":1000}");
            assertThat(upload.statusCode()).isEqualTo(201);
            assetId = JSON.readTree(upload.body()).get("asset").get("id").asString();
        }

        try (TrussServer second = TrussServer.start(ServeSettings.embedded(data, 0), new PrintStream(console, true))) {
            HttpResponse<String> assets = get(second, "/api/assets");

            assertThat(assets.statusCode()).isEqualTo(200);
            assertThat(assets.body()).contains(assetId, "Kept");
        }
    }

    private void logIn(TrussServer server, String email) throws Exception {
        assertThat(post(server, "/api/auth/magic-links", "{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);
        Matcher matcher = TOKEN.matcher(console.toString(StandardCharsets.UTF_8));
        String token = null;
        while (matcher.find()) {
            token = matcher.group(1); // the last link printed
        }
        assertThat(token).as("a link printed on the console").isNotNull();
        assertThat(post(server, "/api/auth/sessions", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(201);
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
