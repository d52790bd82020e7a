package dev.truss.bootstrap.cli;

import dev.truss.adapters.dynamodb.DynamoDbSettings;
import dev.truss.bootstrap.serve.ServeSettings;
import dev.truss.bootstrap.serve.TrussServer;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truss serve}: the HTTP API, the job workers and, unless told otherwise, embedded
 * storage (SQLite), embedded S3 (S3Proxy) and console mail, all under one data directory.
 * Every option also reads an environment variable; secrets are read from the environment only.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs Truss: the API for web clients and the workers that analyse, render and publish.",
        footer = {"", "Secrets, from the environment only: TRUSS_CURSOR_KEY, TRUSS_SEALING_KEY,"
                + " TRUSS_SEALING_KEYS_RETIRED, TRUSS_SMTP_PASSWORD, TRUSS_GEMINI_KEY, and each platform app's"
                + " TRUSS_<PLATFORM>_CLIENT_ID with TRUSS_<PLATFORM>_CLIENT_SECRET (YOUTUBE, TIKTOK, TWITCH,"
                + " DISCORD). Register <public url>/connect/<platform>/callback as the app's redirect URL."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Where secrets are read: the process environment, unless a test or an embedder says otherwise. */
    UnaryOperator<String> environment = System::getenv;

    @Option(names = "--host", defaultValue = "${env:TRUSS_HOST:-127.0.0.1}",
            description = "interface to listen on (env TRUSS_HOST; default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "${env:TRUSS_PORT:-8080}",
            description = "port to listen on, 0 for any (env TRUSS_PORT; default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:TRUSS_PUBLIC_URL}",
            description = "the address browsers use, e.g. https://truss.example.com (env TRUSS_PUBLIC_URL; "
                    + "default: http://localhost:PORT)")
    Optional<URI> publicUrl;

    @Option(names = "--allowed-origins", paramLabel = "ORIGINS", defaultValue = "${env:TRUSS_ALLOWED_ORIGINS}",
            description = "comma-separated origins of other web clients allowed to call the API (env TRUSS_ALLOWED_ORIGINS)")
    Optional<String> allowedOrigins;

    @Option(names = "--trust-proxy", defaultValue = "${env:TRUSS_TRUST_PROXY:-false}",
            description = "take client addresses from X-Forwarded-For, behind a reverse proxy only (env TRUSS_TRUST_PROXY)")
    boolean trustProxy;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:TRUSS_DATA_DIR}",
            description = "where embedded data lives (env TRUSS_DATA_DIR; default: ~/.truss)")
    Optional<Path> dataDir;

    @Option(names = "--dynamodb-table", paramLabel = "NAME", defaultValue = "${env:TRUSS_DYNAMODB_TABLE}",
            description = "use this DynamoDB table instead of SQLite (env TRUSS_DYNAMODB_TABLE)")
    Optional<String> dynamoDbTable;

    @Option(names = "--dynamodb-region", paramLabel = "REGION", defaultValue = "${env:TRUSS_DYNAMODB_REGION:-us-east-1}",
            description = "(env TRUSS_DYNAMODB_REGION; default: ${DEFAULT-VALUE})")
    String dynamoDbRegion;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL", defaultValue = "${env:TRUSS_DYNAMODB_ENDPOINT}",
            description = "a DynamoDB-compatible endpoint (env TRUSS_DYNAMODB_ENDPOINT)")
    Optional<URI> dynamoDbEndpoint;

    @Option(names = "--s3-bucket", paramLabel = "NAME", defaultValue = "${env:TRUSS_S3_BUCKET}",
            description = "keep videos in this S3 bucket instead of the embedded S3Proxy (env TRUSS_S3_BUCKET)")
    Optional<String> s3Bucket;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = "${env:TRUSS_S3_REGION:-us-east-1}",
            description = "(env TRUSS_S3_REGION; default: ${DEFAULT-VALUE})")
    String s3Region;

    @Option(names = "--s3-endpoint", paramLabel = "URL", defaultValue = "${env:TRUSS_S3_ENDPOINT}",
            description = "an S3-compatible endpoint, e.g. MinIO (env TRUSS_S3_ENDPOINT)")
    Optional<URI> s3Endpoint;

    @Option(names = "--embedded-s3-port", paramLabel = "PORT", defaultValue = "${env:TRUSS_EMBEDDED_S3_PORT:-0}",
            description = "port of the embedded S3Proxy, 0 for any (env TRUSS_EMBEDDED_S3_PORT)")
    int embeddedS3Port;

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "${env:TRUSS_SMTP_HOST}",
            description = "send login mail through this SMTP server; without it, links are printed here "
                    + "(env TRUSS_SMTP_HOST; the password: env TRUSS_SMTP_PASSWORD)")
    Optional<String> smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "${env:TRUSS_SMTP_PORT:-587}",
            description = "(env TRUSS_SMTP_PORT; default: ${DEFAULT-VALUE})")
    int smtpPort;

    @Option(names = "--smtp-username", paramLabel = "USER", defaultValue = "${env:TRUSS_SMTP_USERNAME}",
            description = "(env TRUSS_SMTP_USERNAME)")
    Optional<String> smtpUsername;

    @Option(names = "--smtp-from", paramLabel = "ADDRESS", defaultValue = "${env:TRUSS_SMTP_FROM:-truss@localhost.localdomain}",
            description = "(env TRUSS_SMTP_FROM; default: ${DEFAULT-VALUE})")
    String smtpFrom;

    @Option(names = "--smtp-security", paramLabel = "MODE", defaultValue = "${env:TRUSS_SMTP_SECURITY:-STARTTLS_REQUIRED}",
            description = "NONE, STARTTLS_REQUIRED or SMTPS (env TRUSS_SMTP_SECURITY; default: ${DEFAULT-VALUE})")
    String smtpSecurity;

    @Mixin
    GeminiOptions gemini;

    @Option(names = "--platforms-endpoint", paramLabel = "URL", defaultValue = "${env:TRUSS_PLATFORMS_ENDPOINT}",
            description = "one host serving every platform's OAuth and API paths instead of the platforms' own, like a"
                    + " proxy (env TRUSS_PLATFORMS_ENDPOINT)")
    Optional<URI> platformsEndpoint;

    @Option(names = "--youtube-quota-units", paramLabel = "N", defaultValue = "${env:TRUSS_YOUTUBE_QUOTA_UNITS:-100}",
            description = "what one YouTube upload costs of the project's daily quota, as Google bills the project"
                    + " (env TRUSS_YOUTUBE_QUOTA_UNITS; default: ${DEFAULT-VALUE})")
    long youtubeQuotaUnits;

    @Option(names = "--ffmpeg", paramLabel = "DIR", defaultValue = "${env:TRUSS_FFMPEG_DIR}",
            description = "a folder with ffmpeg and ffprobe (env TRUSS_FFMPEG_DIR; default: the bundled build)")
    Optional<Path> ffmpegDir;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "${env:TRUSS_WORKERS:-2}",
            description = "background jobs run at once (env TRUSS_WORKERS; default: ${DEFAULT-VALUE})")
    int workers;

    @Override
    public Integer call() throws Exception {
        ServeSettings settings = settings();
        CountDownLatch stopped = new CountDownLatch(1);
        try (TrussServer server = TrussServer.start(settings, System.out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "truss-shutdown"));
            spec.commandLine().getOut().println(server.summary());
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return 0;
    }

    ServeSettings settings() {
        Path data = dataDir.orElseGet(() -> Path.of(System.getProperty("user.home"), ".truss"));
        Optional<DynamoDbSettings> dynamoDb = dynamoDbTable.map(table ->
                new DynamoDbSettings(table, dynamoDbRegion, dynamoDbEndpoint));
        Optional<ServeSettings.S3> s3 = s3Bucket.map(bucket -> new ServeSettings.S3(bucket, s3Region, s3Endpoint));
        Optional<ServeSettings.Smtp> smtp = smtpHost.map(smtpServer -> new ServeSettings.Smtp(smtpServer, smtpPort,
                smtpUsername, Optional.ofNullable(environment.apply("TRUSS_SMTP_PASSWORD")), smtpFrom, smtpSecurity));
        List<String> origins = allowedOrigins.map(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        return new ServeSettings(host, port, publicUrl, origins, trustProxy, data, dynamoDb, s3, embeddedS3Port, smtp,
                ffmpegDir, workers, Optional.ofNullable(environment.apply("TRUSS_CURSOR_KEY")),
                Optional.ofNullable(environment.apply("TRUSS_SEALING_KEY")),
                list(environment.apply("TRUSS_SEALING_KEYS_RETIRED")),
                gemini.fromEnvironment(environment),
                new ServeSettings.Publishing(apps(environment), platformsEndpoint, youtubeQuotaUnits));
    }

    /**
     * Each platform whose app is in the environment, as {@code TRUSS_<PLATFORM>_CLIENT_ID} and
     * {@code TRUSS_<PLATFORM>_CLIENT_SECRET}; one without the other is a mistake worth stopping for.
     */
    static Map<Platform, ServeSettings.Publishing.App> apps(UnaryOperator<String> environment) {
        Map<Platform, ServeSettings.Publishing.App> apps = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            String prefix = "TRUSS_" + platform.name() + "_CLIENT_";
            Optional<String> id = Optional.ofNullable(environment.apply(prefix + "ID")).filter(v -> !v.isBlank());
            Optional<String> secret = Optional.ofNullable(environment.apply(prefix + "SECRET")).filter(v -> !v.isBlank());
            if (id.isPresent() != secret.isPresent()) {
                throw new IllegalArgumentException("set both " + prefix + "ID and " + prefix + "SECRET to offer "
                        + platform.slug() + ", or neither");
            }
            id.ifPresent(clientId -> apps.put(platform, new ServeSettings.Publishing.App(clientId, secret.get())));
        }
        return apps;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
