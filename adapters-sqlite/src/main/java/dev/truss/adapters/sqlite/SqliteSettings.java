package dev.truss.adapters.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database lives and how it is reached.
 *
 * @param directory   the directory of the database file, created if missing
 * @param connections how many connections the pool keeps; readers run in parallel, writers take turns
 * @param busyTimeout how long a writer waits for another writer (thread or process) before failing
 */
public record SqliteSettings(Path directory, int connections, Duration busyTimeout) {

    /** The database file's name inside {@link #directory()}. */
    public static final String FILE_NAME = "truss.db";

    public SqliteSettings {
        directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        Objects.requireNonNull(busyTimeout, "busy timeout");
        if (connections < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection, asked for " + connections);
        }
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busy timeout must be between 0 and " + Integer.MAX_VALUE + " ms: " + busyTimeout);
        }
    }

    /** Four connections, and writers wait up to ten seconds for each other. */
    public static SqliteSettings in(Path directory) {
        return new SqliteSettings(directory, 4, Duration.ofSeconds(10));
    }

    public Path databaseFile() {
        return directory.resolve(FILE_NAME);
    }
}
