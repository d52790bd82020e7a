package dev.truss.adapters.sqlite;

import dev.truss.singletable.Table;
import dev.truss.singletable.stores.SingleTableStoresContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every storage contract of the application on one SQLite file. Tests share it: each works
 * with ids of its own, so the file is as good as empty for each.
 */
class SqliteStoresTest extends SingleTableStoresContract {

    @TempDir
    static Path directory;

    private static SqliteTable table;

    @BeforeAll
    static void open() {
        table = SqliteTable.open(SqliteSettings.in(directory));
    }

    @AfterAll
    static void close() {
        table.close();
    }

    @Override
    protected Table emptyTable() {
        return table;
    }
}
