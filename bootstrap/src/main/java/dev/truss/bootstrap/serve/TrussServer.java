package dev.truss.bootstrap.serve;

import dev.truss.adapters.http.HttpSettings;
import dev.truss.adapters.http.RateLimits;
import dev.truss.adapters.http.TrussHttpServer;
import dev.truss.adapters.mail.ConsoleMailer;
import dev.truss.adapters.mail.SmtpMailer;
import dev.truss.adapters.mail.SmtpSettings;
import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegClipRenderer;
import dev.truss.adapters.media.FfmpegSignalExtractor;
import dev.truss.adapters.media.FfprobeMediaProbe;
import dev.truss.adapters.media.FfmpegVideoParts;
import dev.truss.adapters.gemini.GeminiMomentDetector;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.detect.ChoosingDetector;
import dev.truss.application.port.media.MomentDetector;
import java.util.Optional;
import dev.truss.adapters.s3.EmbeddedS3;
import dev.truss.adapters.s3.S3ObjectStorage;
import dev.truss.adapters.s3.S3Settings;
import dev.truss.application.TrussCore;
import dev.truss.application.detect.LocalMomentDetector;
import dev.truss.application.job.JobWorkers;
import dev.truss.application.port.AesGcmSecretSealer;
import dev.truss.application.port.Mailer;
import dev.truss.application.port.UlidIdSource;
import dev.truss.bootstrap.storage.OpenStores;
import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.virality.ViralityWeights;
import dev.truss.singletable.stores.TableJobQueue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Truss assembled and running: stores, object storage, mail, media, the core, its job workers
 * and the HTTP server. Built from {@link ServeSettings}; {@link #close()} stops it in reverse order.
 */
public final class TrussServer implements AutoCloseable {

    /** A job whose worker goes quiet this long is taken over; workers report well within it. */
    static final Duration JOB_LEASE = Duration.ofMinutes(2);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final ServeSettings settings;
    private URI publicOrigin;
    private String objectsDescription;
    private String mailDescription;
    private String detectorDescription;
    private String platformsDescription;
    private TrussHttpServer http;

    private TrussServer(ServeSettings settings) {
        this.settings = settings;
    }

    /** Starts everything; anything that fails to start stops what had started and throws. */
    public static TrussServer start(ServeSettings settings, PrintStream console) {
        TrussServer server = new TrussServer(settings);
        try {
            server.startAll(console);
            return server;
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private void startAll(PrintStream console) throws IOException {
        createOwnerOnly(settings.dataDir());
        Clock clock = Clock.systemUTC();
        int port = settings.port() == 0 ? freePort() : settings.port();
        publicOrigin = settings.publicUrl().orElse(URI.create("http://localhost:" + port));
        Set<String> origins = new LinkedHashSet<>(List.of(origin(publicOrigin)));
        origins.addAll(settings.extraOrigins());

        ServerKeys keys = ServerKeys.resolve(settings.cursorKey(), settings.sealingKey(), settings.dataDir());
        OpenStores stores = remember(OpenStores.open(settings.storeChoice()));
        S3ObjectStorage objects = remember(new S3ObjectStorage(objectStorage(List.copyOf(origins))));
        Mailer mailer = mailer(console);
        Ffmpeg ffmpeg = Ffmpeg.locate(settings.ffmpegDir());
        TableJobQueue queue = new TableJobQueue(stores.table(), clock, JOB_LEASE);
        Platforms platforms = PlatformAdapters.from(settings.publishing(), clock);
        platformsDescription = PlatformAdapters.describe(platforms);

        TrussCore.Settings defaults = TrussCore.Settings.defaults(publicOrigin.resolve("/login/verify"), keys.cursorKey());
        TrussCore.Settings coreSettings = new TrussCore.Settings(defaults.loginPage(), keys.cursorKey(),
                defaults.uploads(), defaults.selection(), defaults.weights(), defaults.chat(), JOB_LEASE,
                defaults.firstRetryDelay());
        TrussCore core = new TrussCore(stores.stores(),
                new TrussCore.Services(objects, new FfprobeMediaProbe(ffmpeg), new FfmpegSignalExtractor(ffmpeg),
                        detector(ffmpeg), new FfmpegClipRenderer(ffmpeg), platforms, mailer, queue),
                coreSettings, sealer(keys), new UlidIdSource(clock), clock);
        remember(JobWorkers.start(core.runJobs(), settings.workers(), Duration.ofSeconds(1)));

        HttpSettings defaultsHttp = HttpSettings.local(port);
        http = remember(TrussHttpServer.start(core, new HttpSettings(settings.host(), port, publicOrigin,
                Set.copyOf(settings.extraOrigins()), defaultsHttp.maxBodyBytes(), settings.trustProxy(),
                RateLimits.Settings.defaults())));
    }

    /** Seals with the current key; keys retired by a rotation still open what they sealed. */
    private AesGcmSecretSealer sealer(ServerKeys keys) {
        List<byte[]> retired = new java.util.ArrayList<>();
        for (String key : settings.retiredSealingKeys()) {
            retired.add(ServerKeys.decode(key, "retired sealing"));
        }
        return new AesGcmSecretSealer(keys.sealingKey(), retired);
    }

    /** The local detector, and Gemini in front of it when a key is configured. */
    private MomentDetector detector(Ffmpeg ffmpeg) {
        MomentDetector local = new LocalMomentDetector(SelectionPolicy.defaults(), ViralityWeights.defaults());
        Optional<MomentDetector> ai = settings.gemini().map(gemini -> {
            return remember(new GeminiMomentDetector(gemini.adapterSettings(), new FfmpegVideoParts(ffmpeg), local));
        });
        detectorDescription = ai.isPresent() ? "Gemini " + settings.gemini().get().model()
                + ", falling back to the local detector" : "the local detector (set TRUSS_GEMINI_KEY for Gemini)";
        return new ChoosingDetector(local, ai);
    }

    private S3Settings objectStorage(List<String> origins) {
        if (settings.s3().isPresent()) {
            ServeSettings.S3 s3 = settings.s3().get();
            S3Settings chosen = S3Settings.of(s3.bucket(), s3.region());
            objectsDescription = "S3 bucket " + s3.bucket() + s3.endpoint().map(e -> " at " + e).orElse("");
            return s3.endpoint().map(chosen::withEndpoint).orElse(chosen);
        }
        EmbeddedS3 embedded = remember(EmbeddedS3.start(settings.dataDir().resolve("objects"), "truss",
                settings.embeddedS3Port(), origins));
        objectsDescription = "embedded S3 at " + embedded.endpoint();
        return embedded.settings();
    }

    private Mailer mailer(PrintStream console) {
        if (settings.smtp().isEmpty()) {
            mailDescription = "printed here (no SMTP server configured)";
            return new ConsoleMailer(console);
        }
        ServeSettings.Smtp smtp = settings.smtp().get();
        SmtpSettings chosen = SmtpSettings.of(smtp.host(), smtp.port(), SmtpSettings.Security.valueOf(
                smtp.security().toUpperCase(java.util.Locale.ROOT)), new EmailAddress(smtp.from()));
        if (smtp.username().isPresent()) {
            chosen = chosen.withLogin(smtp.username().get(), smtp.password().orElseThrow(() ->
                    new IllegalArgumentException("an SMTP username needs its password in TRUSS_SMTP_PASSWORD")));
        }
        mailDescription = "SMTP via " + smtp.host() + ":" + smtp.port();
        return new SmtpMailer(chosen);
    }

    /** One line for the console: where to go, where data is kept. */
    public String summary() {
        return "Truss is running at " + publicOrigin + "/login\n  data:    "
                + settings.dynamoDb().map(d -> "DynamoDB table " + d.tableName())
                        .orElse("SQLite in " + settings.dataDir())
                + "\n  videos:  " + objectsDescription + "\n  mail:    " + mailDescription
                + "\n  moments: " + detectorDescription + "\n  publish: " + platformsDescription;
    }

    /** The address browsers use. */
    public URI publicOrigin() {
        return publicOrigin;
    }

    public int port() {
        return http.port();
    }

    private <T extends AutoCloseable> T remember(T part) {
        running.push(part);
        return part;
    }

    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("truss: stopping " + e.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** A new data directory is its owner's alone: it holds the table, the videos and the keys. */
    private static void createOwnerOnly(java.nio.file.Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: inherits the parent's permissions
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
