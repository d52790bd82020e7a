package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.ObjectStorage.PresignedUpload;
import dev.truss.application.port.ObjectStorage.StoredObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ObjectStorage} must do. The hooks play the client: an S3 adapter's test
 * performs real HTTP requests against the presigned URLs. Keys are unique per test, so a
 * shared bucket works.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ObjectStorageContract {

    private static final String MP4 = "video/mp4";
    private static final byte[] VIDEO = "not really an mp4, but bytes all the same".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private ObjectStorage storage;
    private String prefix;

    protected abstract ObjectStorage newStorage();

    /**
     * Does what a browser does with a presigned upload: PUTs {@code bytes} with the upload's
     * headers but the given Content-Type. Throws when the storage refuses (a non-2xx answer).
     */
    protected abstract void clientPuts(PresignedUpload upload, byte[] bytes, String contentType) throws Exception;

    /** GETs a presigned download URL and returns the body; throws when the storage refuses. */
    protected abstract byte[] clientGets(URI url) throws Exception;

    /** The time the storage goes by: a fake's clock, else the wall clock. */
    protected Instant now() {
        return Instant.now();
    }

    @BeforeEach
    void newStorageAndKeys() {
        storage = newStorage();
        prefix = "contract/" + UUID.randomUUID() + "/";
    }

    @Test
    void a_presigned_upload_requires_the_content_type_and_expires_when_asked() {
        Instant before = now();
        PresignedUpload upload = storage.presignUpload(key("a.mp4"), MP4, VIDEO.length, Duration.ofMinutes(15));

        assertThat(upload.url().isAbsolute()).isTrue();
        assertThat(upload.headers().entrySet()).anySatisfy(h -> {
            assertThat(h.getKey()).isEqualToIgnoringCase("Content-Type");
            assertThat(h.getValue()).isEqualTo(MP4);
        });
        assertThat(upload.expiresAt()).isAfter(before).isBeforeOrEqualTo(now().plus(Duration.ofMinutes(15)).plusSeconds(1));
    }

    @Test
    void what_a_client_puts_to_a_presigned_upload_is_stored_with_its_size_and_type() throws Exception {
        String key = key("clip.mp4");
        clientPuts(storage.presignUpload(key, MP4, VIDEO.length, Duration.ofMinutes(5)), VIDEO, MP4);

        assertThat(storage.describe(key)).contains(new StoredObject(key, VIDEO.length, MP4));
        assertThat(downloaded(key)).isEqualTo(VIDEO);
    }

    @Test
    void a_put_with_another_content_type_than_signed_is_refused() {
        String key = key("clip.mp4");
        PresignedUpload upload = storage.presignUpload(key, MP4, VIDEO.length, Duration.ofMinutes(5));

        assertThatThrownBy(() -> clientPuts(upload, VIDEO, "text/html")).isInstanceOf(Exception.class);
        assertThat(storage.describe(key)).isEmpty();
    }

    @Test
    void a_put_of_another_length_than_signed_is_refused() {
        String key = key("clip.mp4");
        PresignedUpload upload = storage.presignUpload(key, MP4, VIDEO.length, Duration.ofMinutes(5));
        byte[] longer = new byte[VIDEO.length + 1000];

        assertThatThrownBy(() -> clientPuts(upload, longer, MP4)).isInstanceOf(Exception.class);
        assertThat(storage.describe(key)).isEmpty();
    }

    @Test
    void nothing_is_described_under_a_key_never_stored() {
        assertThat(storage.describe(key("nothing.mp4"))).isEmpty();
    }

    @Test
    void an_uploaded_file_downloads_to_the_same_bytes() throws Exception {
        String key = key("rendered/clip.mp4");
        storage.upload(file("clip.mp4", VIDEO), key, MP4);

        assertThat(storage.describe(key)).contains(new StoredObject(key, VIDEO.length, MP4));
        assertThat(downloaded(key)).isEqualTo(VIDEO);
    }

    @Test
    void uploading_to_a_used_key_replaces_the_object() throws Exception {
        String key = key("thumb.jpg");
        storage.upload(file("one", new byte[] {1, 2, 3}), key, "image/png");
        storage.upload(file("two", new byte[] {4, 5}), key, "image/jpeg");

        assertThat(storage.describe(key)).contains(new StoredObject(key, 2, "image/jpeg"));
        assertThat(downloaded(key)).containsExactly(4, 5);
    }

    @Test
    void downloading_a_missing_object_fails() {
        assertThatThrownBy(() -> storage.download(key("missing.mp4"), dir.resolve("out"))).isInstanceOf(Exception.class);
    }

    @Test
    void a_presigned_download_serves_the_object() throws Exception {
        String key = key("clip.mp4");
        storage.upload(file("clip.mp4", VIDEO), key, MP4);

        assertThat(clientGets(storage.presignDownload(key, Duration.ofMinutes(5)))).isEqualTo(VIDEO);
    }

    @Test
    void a_deleted_object_is_gone_and_deleting_it_again_is_harmless() throws Exception {
        String key = key("clip.mp4");
        storage.upload(file("clip.mp4", VIDEO), key, MP4);

        storage.delete(key);
        storage.delete(key);

        assertThat(storage.describe(key)).isEmpty();
    }

    @Test
    void objects_under_different_keys_are_independent() throws Exception {
        storage.upload(file("a", new byte[] {1}), key("a"), "application/octet-stream");
        storage.upload(file("b", new byte[] {2, 2}), key("b"), "application/octet-stream");
        storage.delete(key("a"));

        assertThat(storage.describe(key("a"))).isEmpty();
        assertThat(storage.describe(key("b"))).map(StoredObject::sizeBytes).contains(2L);
    }

    /** The headers a presigned upload demands, for {@link #clientPuts} implementations. */
    protected static Map<String, String> headersWithContentType(PresignedUpload upload, String contentType) {
        java.util.TreeMap<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(upload.headers());
        headers.put("Content-Type", contentType);
        return headers;
    }

    private String key(String name) {
        return prefix + name;
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private byte[] downloaded(String key) throws Exception {
        Path target = dir.resolve("download-" + UUID.randomUUID());
        storage.download(key, target);
        return Files.readAllBytes(target);
    }
}
