package dev.truss.adapters.sqlite;

import dev.truss.singletable.Table;
import dev.truss.singletable.TableContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Table contract on one file, shared by the tests (each works in partitions of its own). */
class SqliteTableTest extends TableContract {

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
    protected Table table() {
        return table;
    }
}
