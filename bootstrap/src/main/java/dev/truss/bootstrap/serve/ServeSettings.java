package dev.truss.bootstrap.serve;

import dev.truss.adapters.dynamodb.DynamoDbSettings;
import dev.truss.bootstrap.storage.StoreChoice;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code truss serve} can be told. Each part has an embedded default, so an empty
 * configuration runs on one machine: SQLite and S3Proxy under {@link #dataDir}, console mail.
 */
public record ServeSettings(
        String host,
        int port,
        Optional<URI> publicUrl,
        List<String> extraOrigins,
        boolean trustProxy,
        Path dataDir,
        Optional<DynamoDbSettings> dynamoDb,
        Optional<S3> s3,
        int embeddedS3Port,
        Optional<Smtp> smtp,
        Optional<Path> ffmpegDir,
        int workers,
        Optional<String> cursorKey,
        Optional<String> sealingKey,
        Optional<Gemini> gemini) {

    /** Gemini in place of (and falling back to) the local detector; the key comes from the environment only. */
    public record Gemini(String apiKey, String model, Optional<URI> endpoint) {
        @Override
        public String toString() {
            return "Gemini[" + model + endpoint.map(e -> " at " + e).orElse("") + "]";
        }
    }

    /** An S3 bucket in place of the embedded S3Proxy. */
    public record S3(String bucket, String region, Optional<URI> endpoint) {
    }

    /** An SMTP server in place of the console; the password comes from the environment only. */
    public record Smtp(String host, int port, Optional<String> username, Optional<String> password, String from,
                       String security) {
        public Smtp {
            security = security.trim().toUpperCase(java.util.Locale.ROOT);
            if (!java.util.Set.of("NONE", "STARTTLS_REQUIRED", "SMTPS").contains(security)) {
                throw new IllegalArgumentException("--smtp-security must be NONE, STARTTLS_REQUIRED or SMTPS, got "
                        + security);
            }
        }

        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", from " + from + "]";
        }
    }

    public ServeSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "data directory");
        extraOrigins = List.copyOf(extraOrigins);
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("--workers must lie within 1–64, got " + workers);
        }
    }

    /** Everything embedded, in {@code dataDir}, on {@code port} (0 picks one). */
    public static ServeSettings embedded(Path dataDir, int port) {
        return new ServeSettings("127.0.0.1", port, Optional.empty(), List.of(), false, dataDir, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty(), 2, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public ServeSettings withSmtp(Smtp newSmtp) {
        return new ServeSettings(host, port, publicUrl, extraOrigins, trustProxy, dataDir, dynamoDb, s3, embeddedS3Port,
                Optional.of(newSmtp), ffmpegDir, workers, cursorKey, sealingKey, gemini);
    }

    public ServeSettings withGemini(Gemini newGemini) {
        return new ServeSettings(host, port, publicUrl, extraOrigins, trustProxy, dataDir, dynamoDb, s3, embeddedS3Port,
                smtp, ffmpegDir, workers, cursorKey, sealingKey, Optional.of(newGemini));
    }

    public StoreChoice storeChoice() {
        return dynamoDb.<StoreChoice>map(settings -> new StoreChoice.DynamoDb(settings, 1))
                .orElseGet(() -> new StoreChoice.Embedded(dataDir, 1));
    }
}
