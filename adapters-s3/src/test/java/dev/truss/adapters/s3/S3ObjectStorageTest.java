package dev.truss.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.ObjectStorage.PresignedUpload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract does not say: how S3 refuses, expiry, failures and their messages. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class S3ObjectStorageTest {

    private static final byte[] VIDEO = "twelve bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path s3Directory;
    @TempDir
    Path dir;

    private static EmbeddedS3 s3;
    private static S3ObjectStorage storage;

    @BeforeAll
    static void startS3() {
        s3 = EmbeddedS3.start(s3Directory, "truss-test", 0, List.of());
        storage = new S3ObjectStorage(s3.settings());
    }

    @AfterAll
    static void stopS3() {
        storage.close();
        s3.close();
    }

    @Test
    void a_presigned_upload_signs_type_and_length_and_asks_only_for_the_type() {
        PresignedUpload upload = storage.presignUpload(key(), "video/mp4", VIDEO.length, Duration.ofMinutes(5));

        assertThat(upload.url().getQuery()).contains("X-Amz-SignedHeaders=content-length;content-type;host");
        // Host and Content-Length are set by every HTTP client itself (a browser may not set them by hand).
        assertThat(upload.headers()).containsOnlyKeys("content-type").containsValue("video/mp4");
    }

    @Test
    void s3_refuses_another_length_than_signed_because_the_signature_no_longer_matches() throws Exception {
        PresignedUpload upload = storage.presignUpload(key(), "video/mp4", VIDEO.length, Duration.ofMinutes(5));

        HttpResponse<String> longer = Browser.put(upload.url(), upload.headers(), new byte[VIDEO.length + 1]);
        HttpResponse<String> exact = Browser.put(upload.url(), upload.headers(), VIDEO);

        assertThat(longer.statusCode()).isEqualTo(403);
        assertThat(longer.body()).contains("SignatureDoesNotMatch");
        assertThat(exact.statusCode()).isEqualTo(200);
    }

    @Test
    void an_expired_presigned_upload_or_download_is_refused() throws Exception {
        String key = key();
        storage.upload(Files.write(dir.resolve("v"), VIDEO), key, "video/mp4");
        PresignedUpload upload = storage.presignUpload(key(), "video/mp4", VIDEO.length, Duration.ofSeconds(1));
        URI download = storage.presignDownload(key, Duration.ofSeconds(1));
        // SigV4 dates have whole seconds: wait until the expiry has surely passed on the server's clock too.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), upload.expiresAt()).toMillis()) + 1500);

        HttpResponse<String> put = Browser.put(upload.url(), upload.headers(), VIDEO);
        HttpResponse<byte[]> get = Browser.get(download);

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("expired");
        assertThat(get.statusCode()).isEqualTo(403);
        assertThat(Browser.ok(Browser.get(storage.presignDownload(key, Duration.ofMinutes(1)))).body()).isEqualTo(VIDEO);
    }

    @Test
    void a_presigned_url_lives_more_than_nothing_and_at_most_seven_days() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(7).plusSeconds(1))) {
            assertThatThrownBy(() -> storage.presignUpload(key(), "video/mp4", 1, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 7 days");
            assertThatThrownBy(() -> storage.presignDownload(key(), bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 7 days");
        }
        assertThat(storage.presignDownload(key(), Duration.ofDays(7)).getQuery()).contains("X-Amz-Expires=604800");
    }

    @Test
    void a_download_replaces_what_the_target_file_held() throws Exception {
        String key = key();
        storage.upload(Files.write(dir.resolve("v"), VIDEO), key, "video/mp4");
        Path target = Files.write(dir.resolve("target"), new byte[1000]);

        storage.download(key, target);

        assertThat(target).hasBinaryContent(VIDEO);
    }

    @Test
    void uploading_a_file_that_does_not_exist_fails_before_any_request() {
        assertThatThrownBy(() -> storage.upload(dir.resolve("missing.mp4"), key(), "video/mp4"))
                .isInstanceOf(IOException.class).hasMessageContaining("missing.mp4");
    }

    @Test
    void requests_signed_with_another_secret_fail_naming_the_request_but_not_the_secret() {
        S3Settings.StaticCredentials real = s3.credentials();
        String wrongSecret = "not-the-secret-" + UUID.randomUUID();
        try (S3ObjectStorage impostor = new S3ObjectStorage(s3.settings().withCredentials(real.accessKeyId(), wrongSecret))) {
            assertThatThrownBy(() -> impostor.describe("some/key.mp4"))
                    .isInstanceOf(S3StorageException.class)
                    .hasMessageContaining("S3 HeadObject of some/key.mp4 in bucket truss-test (us-east-1 at " + s3.endpoint())
                    .hasMessageContaining("403")
                    .hasMessageNotContaining(wrongSecret)
                    .hasMessageNotContaining(real.secretAccessKey());
            assertThatThrownBy(() -> impostor.upload(Files.write(dir.resolve("v"), VIDEO), "k", "video/mp4"))
                    .isInstanceOf(S3StorageException.class).hasMessageContaining("PutObject");
            assertThatThrownBy(() -> impostor.delete("k")).isInstanceOf(S3StorageException.class)
                    .hasMessageContaining("DeleteObject");
        }
    }

    @Test
    void an_unreachable_server_fails_every_request_with_where_it_was_sent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        S3Settings nowhere = S3Settings.of("truss", "eu-west-1").withEndpoint(URI.create("http://127.0.0.1:" + closedPort))
                .withCredentials("AKIDNOWHERE", "secret-of-nowhere");
        try (S3ObjectStorage unreachable = new S3ObjectStorage(nowhere)) {
            assertThatThrownBy(() -> unreachable.describe("k"))
                    .isInstanceOf(S3StorageException.class)
                    .hasMessageContaining("S3 HeadObject of k in bucket truss (eu-west-1 at http://127.0.0.1:" + closedPort + ")")
                    .hasMessageNotContaining("secret-of-nowhere");
            assertThatThrownBy(() -> unreachable.download("k", dir.resolve("out")))
                    .isInstanceOf(S3StorageException.class).hasMessageContaining("GetObject");
            assertThat(dir.resolve("out")).doesNotExist();
            // Presigning is local: it needs no server.
            assertThat(unreachable.presignDownload("k", Duration.ofMinutes(1))).hasPort(closedPort);
        }
    }

    @Test
    void keys_are_used_as_given_spaces_and_unicode_included() throws Exception {
        String key = "creators/c1/" + UUID.randomUUID() + "/my clip é+#.mp4";
        PresignedUpload upload = storage.presignUpload(key, "video/mp4", VIDEO.length, Duration.ofMinutes(1));
        Browser.ok(Browser.put(upload.url(), Map.copyOf(upload.headers()), VIDEO));

        assertThat(storage.describe(key)).isPresent();
        assertThat(Browser.ok(Browser.get(storage.presignDownload(key, Duration.ofMinutes(1)))).body()).isEqualTo(VIDEO);
    }

    private static String key() {
        return "test/" + UUID.randomUUID() + ".mp4";
    }
}
