package dev.truss.adapters.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite, a local DynamoDB on Node.js, for tests and benchmarks: one process for the whole
 * JVM, started at first use and stopped when the JVM exits (or, if the JVM is killed, when its
 * stdin closes). Each test class takes a table of its own from {@link #freshTable()}:
 *
 * <pre>{@code
 * DynamoDbSettings settings = Dynalite.freshTable();
 * DynamoDbClient client = Dynalite.clients(settings).create();
 * Table table = new DynamoDbTable(client, settings.tableName());
 * }</pre>
 *
 * The npm package is pinned in {@code adapters-dynamodb/src/test/dynalite}, which {@code mvn
 * verify} installs with {@code npm ci}; the folder is found by the system property
 * {@code dynalite.dir}, else by walking up from the working directory. Node is {@code node}, or
 * the system property {@code dynalite.node}.
 *
 * <p>dynalite 4.0.0 has conditional writes, begins_with, indexes, ADD, batches and consumed
 * capacity, but no transactions, no UpdateTimeToLive (its DescribeTimeToLive always answers
 * DISABLED) and no expiry.
 */
public final class Dynalite {

    public static final String REGION = "us-east-1";

    /** A local endpoint checks that requests are signed, not by whom. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dynalite-key", "dynalite-secret"));

    private static final String INSTALL = "npm ci --no-audit --no-fund";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private static URI endpoint;

    private Dynalite() {
    }

    /** The shared dynalite's endpoint, starting it on a free port the first time. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    /** A new empty table, shaped by {@link TableSetup}, with a name no other caller gets. */
    public static DynamoDbSettings freshTable() {
        String name = "truss-test-" + UUID.randomUUID().toString().substring(0, 13);
        DynamoDbSettings settings = DynamoDbSettings.of(name, REGION).withEndpoint(endpoint());
        try (DynamoDbClient client = clients(settings).create()) {
            new TableSetup(client, name).ensure();
        }
        return settings;
    }

    /** Builds clients of the shared dynalite for {@code settings}, with dummy static credentials. */
    public static DynamoDbClientFactory clients(DynamoDbSettings settings) {
        return DynamoDbClientFactory.of(settings.withEndpoint(endpoint())).withCredentials(CREDENTIALS);
    }

    private static URI start() {
        Path dir = directory();
        Path cli = dir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run `" + INSTALL + "` in " + dir
                    + " (mvn verify of adapters-dynamodb does it unless tests are skipped)");
        }
        // dynalite takes --port 0 for its default 4567, so the free port is picked here.
        int port = freePort();
        Path log;
        try {
            log = Files.createTempFile("dynalite-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.toFile().deleteOnExit();
        String node = System.getProperty("dynalite.node", "node");
        ProcessBuilder builder = new ProcessBuilder(node, "--require", dir.resolve("exit-with-parent.js").toString(),
                cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run `" + node + "`: the dynalite tests need Node.js 20 or "
                    + "later on the PATH (or -Ddynalite.node=/path/to/node), then `" + INSTALL + "` in " + dir, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "dynalite-stop"));
        awaitConnections(process, port, log);
        return URI.create("http://127.0.0.1:" + port);
    }

    private static void awaitConnections(Process process, int port, Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with code " + process.exitValue()
                        + " before accepting connections (is it installed? `" + INSTALL + "` in its folder). "
                        + "Its output:\n" + read(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        stop(process);
        throw new IllegalStateException("dynalite did not accept connections on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s. Its output:\n" + read(log));
    }

    private static Path directory() {
        String configured = System.getProperty("dynalite.dir");
        if (configured != null) {
            return Paths.get(configured).toAbsolutePath();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("adapters-dynamodb/src/test/dynalite");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find adapters-dynamodb/src/test/dynalite above "
                + Paths.get("").toAbsolutePath() + "; set -Ddynalite.dir");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }
}
