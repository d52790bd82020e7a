package dev.truss.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.truss.application.contract.Concurrently;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.TableUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteTableOpeningTest {

    @TempDir
    Path temp;

    @Test
    void a_missing_directory_is_created_with_a_truss_database_in_wal_mode() throws Exception {
        Path directory = temp.resolve("a/b/truss-data");

        try (SqliteTable table = SqliteTable.open(SqliteSettings.in(directory))) {
            assertThat(table.databaseFile()).isEqualTo(directory.resolve("truss.db")).exists();
        }
        Path file = directory.resolve("truss.db");
        assertThat(RawSqlite.text(file, "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(RawSqlite.text(file, "PRAGMA application_id")).isEqualTo(String.valueOf(Schema.APPLICATION_ID));
        assertThat(RawSqlite.text(file, "PRAGMA user_version")).isEqualTo("1");
    }

    @Test
    void a_directory_that_cannot_be_created_is_named_with_the_fix() throws Exception {
        Path file = Files.writeString(temp.resolve("plain-file"), "not a directory");
        Path directory = file.resolve("data");

        assertThatThrownBy(() -> SqliteTable.open(SqliteSettings.in(directory)))
                .isInstanceOf(TableUnavailableException.class)
                .hasMessageContaining("Cannot create the data directory " + directory)
                .hasMessageContaining("or choose another directory");
    }

    @Test
    void a_file_given_as_the_directory_is_named_with_the_fix() throws Exception {
        Path file = Files.writeString(temp.resolve("plain-file"), "not a directory");

        assertThatThrownBy(() -> SqliteTable.open(SqliteSettings.in(file)))
                .isInstanceOf(TableUnavailableException.class)
                .hasMessageContaining(file + " is a file, not a directory");
    }

    @Test
    void a_directory_this_user_cannot_write_is_named_with_the_fix() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("read-only"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeThat(Files.isWritable(directory)).as("not running as root, who writes anywhere").isFalse();

        assertThatThrownBy(() -> SqliteTable.open(SqliteSettings.in(directory)))
                .isInstanceOf(TableUnavailableException.class)
                .hasMessageContaining("Cannot write to the data directory " + directory);
    }

    @Test
    void a_file_that_is_not_a_database_is_named_and_left_alone() throws Exception {
        Path file = temp.resolve("truss.db");
        String notes = "These are my notes, not a database.\n".repeat(200);
        Files.writeString(file, notes);

        assertThatThrownBy(() -> SqliteTable.open(SqliteSettings.in(temp)))
                .isInstanceOf(TableUnavailableException.class)
                .hasMessageContaining(file + " is not a database")
                .hasMessageContaining("Move it away, or choose another directory");
        assertThat(file).hasContent(notes);
    }

    @Test
    void an_sqlite_database_of_another_application_is_refused() throws Exception {
        RawSqlite.execute(temp.resolve("truss.db"), "CREATE TABLE notes (text TEXT)");

        assertThatThrownBy(() -> SqliteTable.open(SqliteSettings.in(temp)))
                .isInstanceOf(TableUnavailableException.class)
                .hasMessageContaining(temp.resolve("truss.db") + " is an SQLite database of another application");
    }

    @Test
    void a_database_written_by_a_newer_truss_is_refused() throws Exception {
        SqliteTable.open(SqliteSettings.in(temp)).close();
        RawSqlite.execute(temp.resolve("truss.db"), "PRAGMA user_version = 2");

        assertThatThrownBy(() -> SqliteTable.open(SqliteSettings.in(temp)))
                .isInstanceOf(TableUnavailableException.class)
                .hasMessageContaining("holds schema version 2, written by a newer Truss")
                .hasMessageContaining("Upgrade Truss");
    }

    @Test
    void tables_opening_a_new_file_at_once_create_it_once() throws Exception {
        Concurrently.run(6, () -> {
            try (SqliteTable table = SqliteTable.open(SqliteSettings.in(temp))) {
                table.put(Item.of(new Key("P", Thread.currentThread().getName())), Expect.anything());
            }
            return null;
        });

        assertThat(RawSqlite.text(temp.resolve("truss.db"), "SELECT count(*) FROM items")).isEqualTo("6");
    }

    @Test
    void a_closed_table_fails_naming_the_file_and_the_operation() {
        SqliteTable table = SqliteTable.open(SqliteSettings.in(temp));
        table.close();

        assertThatThrownBy(() -> table.get(new Key("P", "S")))
                .isInstanceOf(TableUnavailableException.class)
                .hasMessageContaining("could not get")
                .hasMessageContaining(temp.resolve("truss.db").toString());
    }
}
