package dev.truss.application.fake;

import dev.truss.application.port.ObjectStorage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Object storage in memory. Presigned URLs look like {@code memory://bucket/key?upload=…&expires=…};
 * {@link #put} and {@link #fetch} play the client's PUT and GET against them and refuse what S3
 * would refuse (another content type or length than signed, an expired or unknown URL), so the
 * upload flow is tested without a bucket. Thread-safe.
 */
public final class InMemoryObjectStorage implements ObjectStorage {

    /** What a presigned upload URL allows: these bytes, under this key, until then. */
    public record UploadGrant(URI url, String key, String contentType, long sizeBytes, Instant expiresAt) {
    }

    private record Blob(byte[] bytes, String contentType) {
    }

    private record DownloadGrant(String key, Instant expiresAt) {
    }

    private final String bucket;
    private final Clock clock;
    private final Map<String, Blob> objects = new ConcurrentHashMap<>();
    private final Map<String, UploadGrant> uploadGrants = new ConcurrentHashMap<>();
    private final Map<String, DownloadGrant> downloadGrants = new ConcurrentHashMap<>();
    private final List<UploadGrant> grantLog = new ArrayList<>();

    public InMemoryObjectStorage(Clock clock) {
        this("truss", clock);
    }

    public InMemoryObjectStorage(String bucket, Clock clock) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PresignedUpload presignUpload(String key, String contentType, long sizeBytes, Duration validFor) {
        Objects.requireNonNull(contentType, "content type");
        Instant expiresAt = clock.instant().plus(validFor);
        String token = UUID.randomUUID().toString();
        URI url = url(key, "upload=" + token + "&expires=" + expiresAt.getEpochSecond());
        UploadGrant grant = new UploadGrant(url, key, contentType, sizeBytes, expiresAt);
        uploadGrants.put(token, grant);
        synchronized (grantLog) {
            grantLog.add(grant);
        }
        // The client must send the signed Content-Type; the length is signed as well but comes from the body.
        return new PresignedUpload(url, Map.of("Content-Type", contentType), expiresAt);
    }

    @Override
    public URI presignDownload(String key, Duration validFor) {
        String token = UUID.randomUUID().toString();
        Instant expiresAt = clock.instant().plus(validFor);
        downloadGrants.put(token, new DownloadGrant(key, expiresAt));
        return url(key, "download=" + token + "&expires=" + expiresAt.getEpochSecond());
    }

    /** The client's PUT of {@code bytes} to a presigned upload; throws {@link RejectedRequest} as S3 would. */
    public void put(PresignedUpload upload, byte[] bytes, String contentType) {
        UploadGrant grant = uploadGrants.get(param(upload.url(), "upload"));
        if (grant == null) {
            throw new RejectedRequest(403, "unknown or forged upload URL " + upload.url());
        }
        accept(grant, bytes, contentType);
    }

    /** The client's PUT to the most recent presigned upload for {@code key}, for tests that don't keep the URL. */
    public void put(String key, byte[] bytes, String contentType) {
        UploadGrant grant = lastUploadGrant(key)
                .orElseThrow(() -> new RejectedRequest(403, "no presigned upload for key " + key));
        accept(grant, bytes, contentType);
    }

    /** Stores bytes directly, as if already uploaded: for arranging a test. */
    public void preload(String key, byte[] bytes, String contentType) {
        objects.put(key, new Blob(bytes.clone(), contentType));
    }

    /** The client's GET of a presigned download URL. */
    public byte[] fetch(URI url) {
        DownloadGrant grant = downloadGrants.get(param(url, "download"));
        if (grant == null) {
            throw new RejectedRequest(403, "unknown or forged download URL " + url);
        }
        if (clock.instant().isAfter(grant.expiresAt())) {
            throw new RejectedRequest(403, "the download URL expired at " + grant.expiresAt());
        }
        Blob blob = objects.get(grant.key());
        if (blob == null) {
            throw new RejectedRequest(404, "no object under key " + grant.key());
        }
        return blob.bytes().clone();
    }

    @Override
    public Optional<StoredObject> describe(String key) {
        return Optional.ofNullable(objects.get(key)).map(b -> new StoredObject(key, b.bytes().length, b.contentType()));
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Blob blob = objects.get(key);
        if (blob == null) {
            throw new FileNotFoundException("no object under key " + key + " in bucket " + bucket);
        }
        Files.write(target, blob.bytes());
    }

    @Override
    public void upload(Path source, String key, String contentType) throws IOException {
        objects.put(key, new Blob(Files.readAllBytes(source), Objects.requireNonNull(contentType, "content type")));
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    public Optional<byte[]> bytes(String key) {
        return Optional.ofNullable(objects.get(key)).map(b -> b.bytes().clone());
    }

    /** Keys stored now, sorted. */
    public Set<String> keys() {
        return new TreeSet<>(objects.keySet());
    }

    /** Every presigned upload handed out, oldest first, with what it binds. */
    public List<UploadGrant> uploadGrants() {
        synchronized (grantLog) {
            return List.copyOf(grantLog);
        }
    }

    public Optional<UploadGrant> lastUploadGrant(String key) {
        List<UploadGrant> all = uploadGrants();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).key().equals(key)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private void accept(UploadGrant grant, byte[] bytes, String contentType) {
        if (clock.instant().isAfter(grant.expiresAt())) {
            throw new RejectedRequest(403, "the upload URL expired at " + grant.expiresAt());
        }
        if (!grant.contentType().equals(contentType)) {
            throw new RejectedRequest(403, "signed for Content-Type " + grant.contentType() + ", got " + contentType);
        }
        if (grant.sizeBytes() != bytes.length) {
            throw new RejectedRequest(403, "signed for " + grant.sizeBytes() + " bytes, got " + bytes.length);
        }
        objects.put(grant.key(), new Blob(bytes.clone(), contentType));
    }

    private URI url(String key, String query) {
        try {
            // The multi-argument constructor quotes what a key may hold that a URI may not.
            return new URI("memory", bucket, "/" + key, query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("key cannot be part of a URL: " + key, e);
        }
    }

    private static String param(URI url, String name) {
        String query = url.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    /** What S3 answers with an error status: {@code status} is the HTTP status it would send. */
    public static final class RejectedRequest extends RuntimeException {
        private final int status;

        public RejectedRequest(int status, String message) {
            super(status + " " + message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
