package dev.truss.adapters.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.truss.singletable.TableUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database file: makes its directory, creates or checks the schema, and hands out a
 * small pool of connections. Each failure says which path is wrong and what to do about it.
 */
final class DatabaseFile {

    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private DatabaseFile() {
    }

    static HikariDataSource open(SqliteSettings settings) {
        prepareDirectory(settings.directory());
        SQLiteDataSource connections = connections(settings);
        try (Connection connection = connections.getConnection()) {
            Schema.Found found = Schema.prepare(connection);
            if (!found.isTruss()) {
                throw new TableUnavailableException(settings.databaseFile() + " is an SQLite database of another "
                        + "application, not Truss's. Move it away, or give Truss a directory of its own.", null);
            }
            if (found.version() > Schema.VERSION) {
                throw new TableUnavailableException(settings.databaseFile() + " holds schema version "
                        + found.version() + ", written by a newer Truss; this one reads up to version "
                        + Schema.VERSION + ". Upgrade Truss, or choose another directory.", null);
            }
        } catch (SQLException e) {
            throw explain(settings.databaseFile(), e);
        }
        return pool(settings, connections);
    }

    private static void prepareDirectory(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new TableUnavailableException(directory + " is a file, not a directory. Choose a directory for "
                    + "Truss's data (it is created if missing), or move the file away.", null);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new TableUnavailableException("Cannot create the data directory " + directory + " (" + e
                    + "). Create it and let this user write to it, or choose another directory.", e);
        }
        if (!Files.isWritable(directory)) {
            throw new TableUnavailableException("Cannot write to the data directory " + directory
                    + ". Let this user write to it, or choose another directory.", null);
        }
    }

    private static SQLiteDataSource connections(SqliteSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers never wait for the writer, and a commit appends to the log instead of
        // rewriting pages. Persistent in the file; set on every connection so a copy is fixed too.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a commit does not wait for the disk (fsync) each time, only
        // checkpoints do. The file never corrupts; an application crash loses nothing; a power
        // cut or OS crash may lose the last commits. The usual trade for an embedded store.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // Writers (threads or processes) take turns: wait for the lock instead of failing.
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + settings.databaseFile());
        return dataSource;
    }

    private static HikariDataSource pool(SqliteSettings settings, SQLiteDataSource connections) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("truss-sqlite");
        pool.setDataSource(connections);
        pool.setMaximumPoolSize(settings.connections());
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new TableUnavailableException("Cannot open connections to " + settings.databaseFile() + ": " + e, e);
        }
    }

    /** The SQLite error in words a user can act on. */
    static TableUnavailableException explain(Path file, SQLException e) {
        switch (e.getErrorCode() & 0xFF) {
            case SQLITE_NOTADB:
                return new TableUnavailableException(file + " is not a database (SQLite: " + e.getMessage()
                        + "). Move it away, or choose another directory.", e);
            case SQLITE_CANTOPEN:
                return new TableUnavailableException("Cannot open " + file + " (SQLite: " + e.getMessage()
                        + "). Check that it is a file this user can read and write, or choose another directory.", e);
            case SQLITE_READONLY:
                return new TableUnavailableException("Cannot write to " + file + " (SQLite: " + e.getMessage()
                        + "). Let this user write to it and to its directory, or choose another directory.", e);
            default:
                return new TableUnavailableException("Cannot open " + file + " (SQLite: " + e.getMessage() + ").", e);
        }
    }
}
