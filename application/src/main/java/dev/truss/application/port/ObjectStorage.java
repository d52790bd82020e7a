package dev.truss.application.port;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where video bytes live. Uploads never pass through Truss: a client PUTs straight to a
 * presigned URL that binds the content type and length.
 */
public interface ObjectStorage {

    /** A URL the client PUTs the bytes to, with the headers it must send, valid until {@code expiresAt}. */
    record PresignedUpload(URI url, Map<String, String> headers, Instant expiresAt) {
        public PresignedUpload {
            headers = Map.copyOf(headers);
        }
    }

    /** What is stored under a key. */
    record StoredObject(String key, long sizeBytes, String contentType) {
    }

    PresignedUpload presignUpload(String key, String contentType, long sizeBytes, Duration validFor);

    URI presignDownload(String key, Duration validFor);

    Optional<StoredObject> describe(String key);

    /** Copies the object into a local file (for FFmpeg); the object must exist. */
    void download(String key, Path target) throws IOException;

    /** Stores a local file (a rendered clip) under the key, replacing what was there. */
    void upload(Path source, String key, String contentType) throws IOException;

    /** Deletes the object; deleting a missing object is harmless. */
    void delete(String key);
}
