package dev.truss.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.ObjectStorage.PresignedUpload;
import dev.truss.application.port.ObjectStorage.StoredObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedS3Test {

    private static final String PAGE = "http://localhost:8080";
    private static final byte[] VIDEO = "a video, as far as S3 knows".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void it_listens_on_loopback_on_the_free_port_it_chose_and_reports_it() {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "truss", 0, List.of())) {
            assertThat(s3.endpoint()).hasScheme("http").hasHost("127.0.0.1");
            assertThat(s3.port()).isPositive().isEqualTo(s3.endpoint().getPort());
            assertThat(s3.settings().endpoint()).contains(s3.endpoint());
            assertThat(s3.settings().pathStyleAccess()).isTrue();
            assertThat(s3.settings().credentials()).contains(s3.credentials());
        }
    }

    @Test
    void a_browser_page_from_an_allowed_origin_may_put_to_a_presigned_url() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "truss", 0, List.of(PAGE, "https://app.example.com"));
             S3ObjectStorage storage = new S3ObjectStorage(s3.settings())) {
            PresignedUpload upload = storage.presignUpload("c1/a.mp4", "video/mp4", VIDEO.length, Duration.ofMinutes(5));

            HttpResponse<String> preflight = Browser.preflight(upload.url(), PAGE, "PUT");
            HttpResponse<String> put = Browser.put(upload.url(), with(upload.headers(), "Origin", PAGE), VIDEO);

            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                    methods -> assertThat(methods.split(",\\s*")).contains("PUT", "GET", "HEAD"));
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("content-type");
            // The answer to the PUT itself must allow the origin too, or the page sees a failure.
            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
            assertThat(storage.describe("c1/a.mp4")).contains(new StoredObject("c1/a.mp4", VIDEO.length, "video/mp4"));
        }
    }

    @Test
    void a_page_from_another_origin_gets_no_cors_permission() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "truss", 0, List.of(PAGE, "https://app.example.com"));
             S3ObjectStorage storage = new S3ObjectStorage(s3.settings())) {
            PresignedUpload upload = storage.presignUpload("c1/a.mp4", "video/mp4", VIDEO.length, Duration.ofMinutes(5));

            // A look-alike must not pass: origins are matched exactly, not as patterns.
            for (String foreign : List.of("http://evil.example", "http://localhost:8081", "https://appxexample.com")) {
                HttpResponse<String> preflight = Browser.preflight(upload.url(), foreign, "PUT");

                assertThat(preflight.statusCode()).as(foreign).isEqualTo(403);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(foreign).isEmpty();
            }
            assertThat(Browser.preflight(upload.url(), "https://app.example.com", "PUT").statusCode()).isEqualTo(200);
            HttpResponse<String> delete = Browser.preflight(upload.url(), PAGE, "DELETE");
            assertThat(delete.statusCode()).isNotEqualTo(200);
            assertThat(delete.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void without_allowed_origins_no_preflight_passes() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "truss", 0, List.of());
             S3ObjectStorage storage = new S3ObjectStorage(s3.settings())) {
            PresignedUpload upload = storage.presignUpload("c1/a.mp4", "video/mp4", VIDEO.length, Duration.ofMinutes(5));

            assertThat(Browser.preflight(upload.url(), PAGE, "PUT").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void what_it_stores_survives_a_restart_on_the_same_directory() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "truss", 0, List.of());
             S3ObjectStorage storage = new S3ObjectStorage(s3.settings())) {
            PresignedUpload upload = storage.presignUpload("c1/kept.mp4", "video/mp4", VIDEO.length, Duration.ofMinutes(5));
            Browser.ok(Browser.put(upload.url(), upload.headers(), VIDEO));
        }

        try (EmbeddedS3 again = EmbeddedS3.start(dir, "truss", 0, List.of());
             S3ObjectStorage storage = new S3ObjectStorage(again.settings())) {
            assertThat(storage.describe("c1/kept.mp4")).contains(new StoredObject("c1/kept.mp4", VIDEO.length, "video/mp4"));
            Path copy = dir.resolveSibling(dir.getFileName() + "-copy.mp4");
            storage.download("c1/kept.mp4", copy);
            assertThat(copy).hasBinaryContent(VIDEO);
            Files.delete(copy);
        }
    }

    @Test
    void each_start_generates_new_credentials_unless_given_some() {
        S3Settings.StaticCredentials given = new S3Settings.StaticCredentials("TRUSSLOCAL", "local-secret-of-forty-characters-123456");
        try (EmbeddedS3 one = EmbeddedS3.start(dir.resolve("one"), "truss", 0, List.of());
             EmbeddedS3 two = EmbeddedS3.start(dir.resolve("two"), "truss", 0, List.of());
             EmbeddedS3 three = EmbeddedS3.start(dir.resolve("three"), "truss", 0, List.of(), given)) {
            assertThat(one.credentials().accessKeyId()).hasSize(20).startsWith("TRUSS");
            assertThat(one.credentials().secretAccessKey()).hasSize(40).isNotEqualTo(two.credentials().secretAccessKey());
            assertThat(three.credentials()).isEqualTo(given);
        }
    }

    @Test
    void bad_settings_fail_at_start_saying_what_is_wrong() throws Exception {
        assertThatThrownBy(() -> EmbeddedS3.start(dir, "truss", 0, List.of("http://localhost:8080/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CORS origin").hasMessageContaining("http://localhost:8080/");
        assertThatThrownBy(() -> EmbeddedS3.start(dir, "Truss_Videos", 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an S3 bucket name");
        assertThatThrownBy(() -> EmbeddedS3.start(dir, "truss", 70000, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> EmbeddedS3.start(file, "truss", 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be created").hasMessageContaining("a-file");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedS3.start(dir, "truss", taken.getLocalPort(), List.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort()).hasMessageContaining("in use");
        }
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
