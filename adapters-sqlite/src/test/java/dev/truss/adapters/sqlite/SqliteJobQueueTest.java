package dev.truss.adapters.sqlite;

import dev.truss.application.contract.JobQueueContract;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.JobQueue;
import dev.truss.singletable.stores.TableJobQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The durable job queue on one SQLite file; each test takes a queue of its own name, so it starts empty. */
class SqliteJobQueueTest extends JobQueueContract {

    @TempDir
    static Path directory;

    private static SqliteTable table;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

    @BeforeAll
    static void open() {
        table = SqliteTable.open(SqliteSettings.in(directory));
    }

    @AfterAll
    static void close() {
        table.close();
    }

    @Override
    protected JobQueue newQueue(Duration visibilityTimeout) {
        return new TableJobQueue(table, "test-" + UUID.randomUUID(), clock, visibilityTimeout, Duration.ofMillis(5));
    }

    @Override
    protected void letTimePass(Duration amount) {
        clock.advance(amount);
    }
}
