package dev.truss.adapters.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.StartKey;
import dev.truss.singletable.Table;
import dev.truss.singletable.TableUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single table in one SQLite file ({@link SqliteSettings#databaseFile()}), safe for many
 * threads and for several tables or processes on the same file: every operation but
 * {@link #add} is one statement, and {@code add} is one {@code BEGIN IMMEDIATE} transaction.
 * Reads are strongly consistent, index queries included. Close it to release the file.
 */
public final class SqliteTable implements Table, AutoCloseable {

    private static final String GET = "SELECT " + ItemRow.COLUMNS + " FROM items WHERE pk = ? AND sk = ?";
    private static final String INSERT = "INSERT INTO items (" + ItemRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PUT = INSERT + " ON CONFLICT (pk, sk) DO UPDATE SET " + ItemRow.REPLACE_FROM_EXCLUDED;
    private static final String PUT_IF_ABSENT = INSERT + " ON CONFLICT (pk, sk) DO NOTHING";
    private static final String PUT_IF_VERSION = "UPDATE items SET " + ItemRow.SET_COLUMNS_AFTER_KEY
            + " WHERE pk = ? AND sk = ? AND version = ?";
    private static final String PUT_IF_PRESENT = "UPDATE items SET " + ItemRow.SET_COLUMNS_AFTER_KEY
            + " WHERE pk = ? AND sk = ?";
    private static final String DELETE = "DELETE FROM items WHERE pk = ? AND sk = ? RETURNING " + ItemRow.COLUMNS;

    private final Path file;
    private final HikariDataSource pool;
    private final ReentrantLock writer = new ReentrantLock();

    private SqliteTable(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
    }

    /**
     * Opens the database in {@code settings.directory()}, creating the directory and the file
     * if missing.
     *
     * @throws TableUnavailableException when the directory cannot be made or written, or the file
     *                                   is not a Truss database; the message names the path and the fix
     */
    public static SqliteTable open(SqliteSettings settings) {
        return new SqliteTable(settings.databaseFile(), DatabaseFile.open(settings));
    }

    public Path databaseFile() {
        return file;
    }

    @Override
    public Optional<Item> get(Key key) {
        return run("get " + key, connection -> get(connection, key));
    }

    @Override
    public PutOutcome put(Item item, Expect expect) {
        return write("put " + item.key(), connection -> {
            int written;
            if (expect instanceof Expect.Version version) {
                try (PreparedStatement update = connection.prepareStatement(PUT_IF_VERSION)) {
                    ItemRow.bindColumnsAfterKey(update, 1, item);
                    update.setString(7, item.key().pk());
                    update.setString(8, item.key().sk());
                    update.setLong(9, version.version());
                    written = update.executeUpdate();
                }
            } else if (expect instanceof Expect.Present) {
                try (PreparedStatement update = connection.prepareStatement(PUT_IF_PRESENT)) {
                    ItemRow.bindColumnsAfterKey(update, 1, item);
                    update.setString(7, item.key().pk());
                    update.setString(8, item.key().sk());
                    written = update.executeUpdate();
                }
            } else {
                written = putRow(connection, expect instanceof Expect.Absent ? PUT_IF_ABSENT : PUT, item);
            }
            return written == 1 ? PutOutcome.WRITTEN : PutOutcome.CONDITION_FAILED;
        });
    }

    @Override
    public Optional<Item> delete(Key key) {
        return write("delete " + key, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, key.pk());
                delete.setString(2, key.sk());
                Optional<Item> removed = Optional.empty();
                try (ResultSet rows = delete.executeQuery()) {
                    // Reading to the end completes the statement, which commits the delete.
                    while (rows.next()) {
                        removed = Optional.of(ItemRow.read(rows));
                    }
                }
                return removed;
            }
        });
    }

    @Override
    public void add(Key key, Map<String, Long> amounts) {
        write("add to " + key, connection -> inWriteTransaction(connection, () -> {
            Item item = get(connection, key).orElse(Item.of(key));
            Map<String, Long> numbers = new HashMap<>(item.numbers());
            amounts.forEach((name, amount) -> numbers.merge(name, amount, Math::addExact));
            putRow(connection, PUT, new Item(key, item.strings(), numbers));
        }));
    }

    @Override
    public QueryPage query(Query query) {
        QueryStatement statement = QueryStatement.of(query);
        String what = "query " + query.index().map(index -> index.indexName() + " ").orElse("")
                + "partition " + query.partition();
        List<Item> items = run(what, connection -> {
            try (PreparedStatement select = connection.prepareStatement(statement.sql())) {
                for (int i = 0; i < statement.parameters().size(); i++) {
                    select.setObject(i + 1, statement.parameters().get(i));
                }
                List<Item> read = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read.add(ItemRow.read(rows));
                    }
                }
                return read;
            }
        });
        if (items.size() <= query.limit()) {
            return new QueryPage(items, Optional.empty());
        }
        List<Item> page = items.subList(0, query.limit());
        return new QueryPage(page, Optional.of(StartKey.after(page.get(page.size() - 1), query.index())));
    }

    /**
     * Writes a consistent copy of the whole database to {@code target}, a file that must not
     * exist, while the table stays in use (SQLite's {@code VACUUM INTO}).
     */
    public void backUpTo(Path target) {
        run("back up to " + target, connection -> {
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, target.toAbsolutePath().toString());
                vacuum.execute();
            }
            return null;
        });
    }

    /** Closes the pool's connections; later calls fail with {@link TableUnavailableException}. */
    @Override
    public void close() {
        pool.close();
    }

    private static Optional<Item> get(Connection connection, Key key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(GET)) {
            select.setString(1, key.pk());
            select.setString(2, key.sk());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(ItemRow.read(rows)) : Optional.empty();
            }
        }
    }

    private static int putRow(Connection connection, String sql, Item item) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            ItemRow.bind(insert, 1, item);
            return insert.executeUpdate();
        }
    }

    /**
     * Runs {@code work} holding the database's write lock from the start: {@code BEGIN IMMEDIATE}
     * waits (busy timeout) for other writers, so what it reads cannot change before it writes.
     */
    private Void inWriteTransaction(Connection connection, SqlAction work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                work.run();
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                    pool.evictConnection(connection);
                }
                throw e;
            }
        }
        return null;
    }

    /**
     * Runs a write. SQLite takes one writer at a time and makes the others wait by sleeping and
     * retrying (1, 2, 5 ... 100 ms), which leaves the lock idle between sleeps; so the writers of
     * this table queue on a Java lock instead, and only wait on SQLite for other processes. The
     * lock is taken before the connection so that queued writers do not hold connections readers need.
     */
    private <T> T write(String operation, SqlWork<T> work) {
        writer.lock();
        try {
            return run(operation, work);
        } finally {
            writer.unlock();
        }
    }

    private <T> T run(String operation, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new TableUnavailableException("SQLite could not " + operation + " in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private interface SqlAction {
        void run() throws SQLException;
    }
}
