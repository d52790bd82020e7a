package dev.truss.adapters.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a Truss database and their version. The file's header carries an
 * {@code application_id} that marks it as Truss's and a {@code user_version} that says which
 * schema it holds, so a later Truss can migrate it and an older one refuses it.
 */
final class Schema {

    /** "Trus": marks the file as a Truss database (SQLite's {@code PRAGMA application_id}). */
    static final int APPLICATION_ID = 0x54727573;

    /** The schema this code reads and writes; a new version adds a migration to {@link #prepare}. */
    static final int VERSION = 1;

    /*
     * Keys compare with SQLite's default BINARY collation: memcmp of UTF-8, DynamoDB's order.
     * STRICT rejects a value of the wrong type instead of converting it.
     * The partial indexes stand in for the sparse GSIs: only items with both index keys are in
     * them, in the index's order (index sk, then pk, sk).
     */
    private static final List<String> VERSION_1 = List.of(
            """
            CREATE TABLE items (
                pk         TEXT NOT NULL,
                sk         TEXT NOT NULL,
                gsi1pk     TEXT,
                gsi1sk     TEXT,
                gsi2pk     TEXT,
                gsi2sk     TEXT,
                version    INTEGER,
                attributes TEXT NOT NULL,
                PRIMARY KEY (pk, sk)
            ) WITHOUT ROWID, STRICT""",
            "CREATE INDEX items_gsi1 ON items (gsi1pk, gsi1sk, pk, sk) WHERE gsi1pk IS NOT NULL AND gsi1sk IS NOT NULL",
            "CREATE INDEX items_gsi2 ON items (gsi2pk, gsi2sk, pk, sk) WHERE gsi2pk IS NOT NULL AND gsi2sk IS NOT NULL",
            "PRAGMA application_id = " + APPLICATION_ID,
            "PRAGMA user_version = " + VERSION);

    /** What the file held: a Truss database (of schema {@code version}) or another application's. */
    record Found(boolean isTruss, int version) {
    }

    private Schema() {
    }

    /**
     * Creates the schema in an empty database, or checks an existing one is Truss's and current,
     * in one write transaction so that two processes opening a new file create it once.
     */
    static Found prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                Found found = createOrCheck(statement);
                statement.execute("COMMIT");
                return found;
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
    }

    private static Found createOrCheck(Statement statement) throws SQLException {
        int applicationId = intOf(statement, "PRAGMA application_id");
        int version = intOf(statement, "PRAGMA user_version");
        int objects = intOf(statement, "SELECT count(*) FROM sqlite_master");
        if (applicationId == 0 && version == 0 && objects == 0) {
            for (String sql : VERSION_1) {
                statement.execute(sql);
            }
            return new Found(true, VERSION);
        }
        // Version 1 is the first; a later one migrates older Truss files here, before returning.
        return new Found(applicationId == APPLICATION_ID && version >= 1, version);
    }

    private static int intOf(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
