package dev.truss.adapters.sqlite;

import dev.truss.singletable.CountingTable;
import dev.truss.singletable.Table;
import dev.truss.singletable.stores.AccessPatternsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Each access pattern's statements on SQLite: one {@code Table} call is one SQL statement. */
class SqliteAccessPatternsTest extends AccessPatternsContract {

    @TempDir
    static Path directory;

    private static SqliteTable sqlite;
    private static CountingTable table;

    @BeforeAll
    static void open() {
        sqlite = SqliteTable.open(SqliteSettings.in(directory));
        table = new CountingTable(sqlite);
    }

    @AfterAll
    static void close() {
        sqlite.close();
    }

    @Override
    protected Table table() {
        return table;
    }

    @Override
    protected long requests() {
        return table.calls();
    }
}
