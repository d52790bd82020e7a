package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.ObjectStorageContract;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.ObjectStorage.PresignedUpload;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryObjectStorageTest extends ObjectStorageContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private InMemoryObjectStorage storage;

    @Override
    protected ObjectStorage newStorage() {
        storage = new InMemoryObjectStorage(clock);
        return storage;
    }

    @Override
    protected void clientPuts(PresignedUpload upload, byte[] bytes, String contentType) {
        storage.put(upload, bytes, contentType);
    }

    @Override
    protected byte[] clientGets(URI url) {
        return storage.fetch(url);
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    @Test
    void presigned_urls_name_the_bucket_and_the_key() {
        PresignedUpload upload = newStorage().presignUpload("creators/c1/a b.mp4", "video/mp4", 3, Duration.ofMinutes(1));

        assertThat(upload.url()).hasScheme("memory").hasHost("truss").hasPath("/creators/c1/a b.mp4");
        assertThat(storage.lastUploadGrant("creators/c1/a b.mp4")).hasValueSatisfying(g -> {
            assertThat(g.contentType()).isEqualTo("video/mp4");
            assertThat(g.sizeBytes()).isEqualTo(3);
        });
    }

    @Test
    void a_put_after_the_upload_url_expired_is_refused() {
        newStorage();
        storage.presignUpload("k", "video/mp4", 3, Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> storage.put("k", new byte[3], "video/mp4"))
                .isInstanceOfSatisfying(InMemoryObjectStorage.RejectedRequest.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("expired");
    }

    @Test
    void a_put_to_a_key_never_presigned_is_refused() {
        newStorage();
        assertThatThrownBy(() -> storage.put("k", new byte[3], "video/mp4"))
                .isInstanceOf(InMemoryObjectStorage.RejectedRequest.class);
    }

    @Test
    void a_download_url_stops_working_when_it_expires() {
        newStorage();
        storage.preload("k", new byte[] {7}, "video/mp4");
        URI url = storage.presignDownload("k", Duration.ofMinutes(1));
        assertThat(storage.fetch(url)).containsExactly(7);

        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> storage.fetch(url)).isInstanceOf(InMemoryObjectStorage.RejectedRequest.class);
    }
}
