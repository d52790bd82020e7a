package dev.truss.adapters.s3;

import dev.truss.adapters.s3.S3Settings.StaticCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3 server in this JVM, for one machine without a cloud: S3Proxy on loopback, keeping objects as files
 * under a directory (S3Proxy's {@code filesystem} store; content types and other metadata go in extended
 * attributes, so the directory must be on a file system that has them: ext4, XFS, Btrfs, APFS). It checks
 * AWS SigV4 signatures, presigned URLs included, with the credentials it is given or generated ones, and
 * answers CORS preflights from the allowed origins, so a browser page can PUT to a presigned URL. The bucket
 * is created if missing; what is stored survives a restart on the same directory.
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** The region to sign for; S3Proxy accepts any, the SDK needs one. */
    public static final String REGION = "us-east-1";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Settings settings;

    private EmbeddedS3(S3Proxy proxy, URI endpoint, S3Settings settings) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.settings = settings;
    }

    /** Starts with freshly generated credentials; {@code port} 0 picks a free port (see {@link #endpoint()}). */
    public static EmbeddedS3 start(Path directory, String bucket, int port, List<String> allowedOrigins) {
        return start(directory, bucket, port, allowedOrigins, generatedCredentials());
    }

    /**
     * Starts serving {@code bucket} from {@code directory} (created if missing) on 127.0.0.1:{@code port}.
     * {@code allowedOrigins} are exact origins such as {@code http://localhost:8080}, or {@code *} for any.
     */
    public static EmbeddedS3 start(Path directory, String bucket, int port, List<String> allowedOrigins,
                                   StaticCredentials credentials) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(credentials, "credentials");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("embedded S3 port must be 0 (any free port) to 65535, not " + port);
        }
        CrossOriginResourceSharing cors = cors(allowedOrigins);
        // Checks the bucket name before anything touches the disk.
        S3Settings.of(bucket, REGION);
        BlobStore store = filesystemStore(directory);
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + LOOPBACK + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, credentials.accessKeyId(), credentials.secretAccessKey())
                .corsRules(cors)
                // No graceful wait: Jetty would wait out the whole timeout for idle keep-alive connections.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stopQuietly(proxy);
            throw new IllegalStateException("could not start the embedded S3 on " + LOOPBACK + ":" + port
                    + (port == 0 ? "" : " (is the port in use?)") + ": " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + LOOPBACK + ":" + proxy.getPort());
        S3Settings settings = S3Settings.of(bucket, REGION).withEndpoint(endpoint)
                .withCredentials(credentials.accessKeyId(), credentials.secretAccessKey());
        return new EmbeddedS3(proxy, endpoint, settings);
    }

    /** Where it listens, like {@code http://127.0.0.1:41234}: the port is the one chosen when asked for 0. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    public String bucket() {
        return settings.bucket();
    }

    /** The credentials requests must be signed with. */
    public StaticCredentials credentials() {
        return settings.credentials().orElseThrow();
    }

    /** Settings for an {@link S3ObjectStorage} of this server: its endpoint, path-style, its credentials. */
    public S3Settings settings() {
        return settings;
    }

    /** Stops at once; an upload in flight is cut off, and its client sees a failed PUT it may retry. */
    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static BlobStore filesystemStore(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalArgumentException("embedded S3 directory " + directory + " cannot be created: " + e, e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalArgumentException("embedded S3 directory " + directory + " is not writable");
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        return BlobStores.create("filesystem", properties);
    }

    private static CrossOriginResourceSharing cors(List<String> allowedOrigins) {
        Objects.requireNonNull(allowedOrigins, "allowed origins");
        List<String> patterns = new ArrayList<>();
        for (String origin : allowedOrigins) {
            if ("*".equals(origin)) {
                patterns.add(origin);
            } else if (origin != null && ORIGIN.matcher(origin).matches()) {
                // S3Proxy reads each origin as a regular expression: quoted, a dot matches only a dot.
                patterns.add(Pattern.quote(origin));
            } else {
                throw new IllegalArgumentException("not a CORS origin (scheme://host[:port], no path, or *): " + origin);
            }
        }
        if (patterns.isEmpty()) {
            return CrossOriginResourceSharing.disabled();
        }
        // Content-Length is listed for clients that name it, though browsers set it themselves.
        return new CrossOriginResourceSharing(patterns, List.of("GET", "PUT", "HEAD"),
                List.of("Content-Type", "Content-Length", "Content-MD5", "Cache-Control"), List.of("ETag"), "");
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy is " + proxy.getState() + " after 10 s");
            }
            Thread.sleep(5);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // Stopping a server that never started, or already stopped.
        }
    }

    private static StaticCredentials generatedCredentials() {
        // Shaped like AWS's: a 20-character key id, a 40-character secret.
        return new StaticCredentials("TRUSS" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 15),
                random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40));
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "EmbeddedS3[" + endpoint + "/" + settings.bucket() + "]";
    }
}
