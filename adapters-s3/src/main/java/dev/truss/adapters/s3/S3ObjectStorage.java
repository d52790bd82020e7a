package dev.truss.adapters.s3;

import dev.truss.application.port.ObjectStorage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * {@link ObjectStorage} on S3 or a server that speaks it, through the AWS SDK for Java v2 with the light
 * URLConnection HTTP client. Uploads from clients go straight to S3 through presigned PUTs that sign the
 * Content-Type and Content-Length, so S3 itself refuses other bytes than were announced. Keys are used as
 * given. SDK failures become {@link S3StorageException}. Thread-safe; {@link #close()} releases the client.
 */
public final class S3ObjectStorage implements ObjectStorage, AutoCloseable {

    /** The longest a SigV4 presigned URL may live. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(7);
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final S3Settings settings;
    private final AwsCredentialsProvider credentials;
    private final S3Client client;
    private final S3Presigner presigner;

    public S3ObjectStorage(S3Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = settings.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        S3Configuration s3 = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyleAccess()).build();
        S3ClientBuilder clientBuilder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3)
                // Socket timeout is per read, so a large video may take as long as it needs.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)));
        S3Presigner.Builder presignerBuilder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3);
        settings.endpoint().ifPresent(endpoint -> {
            clientBuilder.endpointOverride(endpoint);
            presignerBuilder.endpointOverride(endpoint);
        });
        this.client = clientBuilder.build();
        this.presigner = presignerBuilder.build();
    }

    public S3Settings settings() {
        return settings;
    }

    /**
     * The headers returned are those the client must send as signed, less Host and Content-Length, which
     * every HTTP client (a browser included) sets by itself and may not set by hand.
     */
    @Override
    public PresignedUpload presignUpload(String key, String contentType, long sizeBytes, Duration validFor) {
        checkKey(key);
        Objects.requireNonNull(contentType, "content type");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + sizeBytes);
        }
        checkValidity(validFor);
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p
                .signatureDuration(validFor)
                .putObjectRequest(put -> put.bucket(settings.bucket()).key(key)
                        .contentType(contentType).contentLength(sizeBytes)));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : presigned.signedHeaders().entrySet()) {
            String name = header.getKey();
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
        return new PresignedUpload(uri(presigned.url()), headers, presigned.expiration());
    }

    @Override
    public URI presignDownload(String key, Duration validFor) {
        checkKey(key);
        checkValidity(validFor);
        return uri(presigner.presignGetObject(p -> p
                .signatureDuration(validFor)
                .getObjectRequest(get -> get.bucket(settings.bucket()).key(key))).url());
    }

    @Override
    public Optional<StoredObject> describe(String key) {
        checkKey(key);
        try {
            HeadObjectResponse head = client.headObject(h -> h.bucket(settings.bucket()).key(key));
            String type = head.contentType() == null ? DEFAULT_CONTENT_TYPE : head.contentType();
            return Optional.of(new StoredObject(key, head.contentLength(), type));
        } catch (SdkException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw failed("HeadObject", key, e);
        }
    }

    @Override
    public void download(String key, Path target) throws IOException {
        checkKey(key);
        Objects.requireNonNull(target, "target");
        InputStream body;
        try {
            body = client.getObject(g -> g.bucket(settings.bucket()).key(key));
        } catch (SdkException e) {
            if (isNotFound(e) && !isMissingBucket(e)) {
                throw new FileNotFoundException("no object under key " + key + " in bucket " + settings.bucket());
            }
            throw failed("GetObject", key, e);
        }
        // On a failure midway the partial file is removed, so nothing reads half a video by mistake.
        try (InputStream in = body) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        } catch (SdkException e) {
            Files.deleteIfExists(target);
            throw failed("GetObject", key, e);
        }
    }

    @Override
    public void upload(Path source, String key, String contentType) throws IOException {
        checkKey(key);
        Objects.requireNonNull(contentType, "content type");
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(source.toString(), null, "no file to upload");
        }
        try {
            client.putObject(p -> p.bucket(settings.bucket()).key(key).contentType(contentType),
                    RequestBody.fromFile(source));
        } catch (SdkException e) {
            throw failed("PutObject", key, e);
        }
    }

    @Override
    public void delete(String key) {
        checkKey(key);
        try {
            // S3 answers 204 for a key that is not there, so deleting twice is harmless by itself.
            client.deleteObject(d -> d.bucket(settings.bucket()).key(key));
        } catch (SdkException e) {
            throw failed("DeleteObject", key, e);
        }
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
        if (credentials instanceof AutoCloseable) {
            try {
                ((AutoCloseable) credentials).close();
            } catch (Exception ignored) {
                // Nothing left to do with a provider that failed to close.
            }
        }
    }

    private static boolean isNotFound(SdkException e) {
        // HeadObject has no body, so its 404 carries no error code: the status is what tells.
        return e instanceof NoSuchKeyException || (e instanceof S3Exception && ((S3Exception) e).statusCode() == 404);
    }

    private static boolean isMissingBucket(SdkException e) {
        return e instanceof S3Exception && ((S3Exception) e).awsErrorDetails() != null
                && "NoSuchBucket".equals(((S3Exception) e).awsErrorDetails().errorCode());
    }

    private S3StorageException failed(String operation, String key, SdkException e) {
        // The SDK's messages give status, error code and request id, never the credentials.
        return new S3StorageException("S3 " + operation + " of " + key + " in bucket " + settings.bucket() + " ("
                + settings.region() + settings.endpoint().map(endpoint -> " at " + endpoint).orElse("")
                + ") failed: " + e.getMessage(), e);
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an object key must not be empty");
        }
    }

    private static void checkValidity(Duration validFor) {
        Objects.requireNonNull(validFor, "validity");
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("a presigned URL lives more than 0 and at most 7 days, asked for " + validFor);
        }
    }

    private static URI uri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned a URL that is not a URI: " + e.getMessage(), e);
        }
    }
}
