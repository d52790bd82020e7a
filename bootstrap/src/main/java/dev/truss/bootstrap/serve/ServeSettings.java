package dev.truss.bootstrap.serve;

import dev.truss.adapters.dynamodb.DynamoDbSettings;
import dev.truss.adapters.gemini.GeminiSettings;
import dev.truss.bootstrap.storage.StoreChoice;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        List<String> retiredSealingKeys,
        Optional<Gemini> gemini,
        Publishing publishing) {

    /**
     * The platforms' apps Truss is registered as (client ids and secrets, from the environment
     * only), where the platforms are (their own hosts unless {@code endpoint} moves them all, to a
     * proxy or a stand-in), and what a YouTube upload costs of its quota. A platform without an
     * app is not offered, except Discord channels connected by a pasted webhook, which need none.
     */
    public record Publishing(Map<Platform, App> apps, Optional<URI> endpoint, long youtubeQuotaUnitsPerUpload) {

        public static final Publishing NONE = new Publishing(Map.of(), Optional.empty(), 100);

        /** One platform app: its client id (TikTok calls it the client key) and secret. */
        public record App(String clientId, String clientSecret) {
            @Override
            public String toString() {
                return "App[" + clientId + ", secret hidden]";
            }
        }

        public Publishing {
            apps = Map.copyOf(apps);
            Objects.requireNonNull(endpoint, "endpoint");
            if (youtubeQuotaUnitsPerUpload < 0) {
                throw new IllegalArgumentException("--youtube-quota-units is never negative, got "
                        + youtubeQuotaUnitsPerUpload);
            }
        }
    }

    /**
     * Gemini in place of (and falling back to) the local detector; the key comes from the environment
     * only. {@code mediaResolution} and {@code thinkingBudget} set what each analysis costs.
     */
    public record Gemini(String apiKey, String model, Optional<URI> endpoint,
                         GeminiSettings.MediaResolution mediaResolution, Optional<Integer> thinkingBudget) {

        public Gemini(String apiKey, String model, Optional<URI> endpoint) {
            this(apiKey, model, endpoint, GeminiSettings.MediaResolution.LOW, Optional.empty());
        }

        /** The adapter's settings: checked here, so a typo stops the command before anything starts. */
        public GeminiSettings adapterSettings() {
            GeminiSettings chosen = GeminiSettings.of(apiKey).withModel(model)
                    .withSpending(mediaResolution, thinkingBudget);
            return endpoint.map(chosen::withBaseUrl).orElse(chosen);
        }

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
        retiredSealingKeys = List.copyOf(retiredSealingKeys);
        Objects.requireNonNull(publishing, "publishing");
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("--workers must lie within 1–64, got " + workers);
        }
    }

    /** Everything embedded, in {@code dataDir}, on {@code port} (0 picks one). */
    public static ServeSettings embedded(Path dataDir, int port) {
        return new ServeSettings("127.0.0.1", port, Optional.empty(), List.of(), false, dataDir, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty(), 2, Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Publishing.NONE);
    }

    public ServeSettings withSmtp(Smtp newSmtp) {
        return new ServeSettings(host, port, publicUrl, extraOrigins, trustProxy, dataDir, dynamoDb, s3, embeddedS3Port,
                Optional.of(newSmtp), ffmpegDir, workers, cursorKey, sealingKey, retiredSealingKeys, gemini, publishing);
    }

    public ServeSettings withGemini(Gemini newGemini) {
        return new ServeSettings(host, port, publicUrl, extraOrigins, trustProxy, dataDir, dynamoDb, s3, embeddedS3Port,
                smtp, ffmpegDir, workers, cursorKey, sealingKey, retiredSealingKeys, Optional.of(newGemini), publishing);
    }

    public ServeSettings withPublishing(Publishing newPublishing) {
        return new ServeSettings(host, port, publicUrl, extraOrigins, trustProxy, dataDir, dynamoDb, s3, embeddedS3Port,
                smtp, ffmpegDir, workers, cursorKey, sealingKey, retiredSealingKeys, gemini, newPublishing);
    }

    public StoreChoice storeChoice() {
        return dynamoDb.<StoreChoice>map(settings -> new StoreChoice.DynamoDb(settings, 1))
                .orElseGet(() -> new StoreChoice.Embedded(dataDir, 1));
    }
}
