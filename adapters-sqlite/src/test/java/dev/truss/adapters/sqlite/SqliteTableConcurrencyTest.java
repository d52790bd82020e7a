package dev.truss.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.Concurrently;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.PutOutcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tables on one file behave as one: what SQLite's file locks give two processes as well. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteTableConcurrencyTest {

    private static final int THREADS_PER_TABLE = 4;

    @TempDir
    Path directory;

    private SqliteTable first;
    private SqliteTable second;

    @BeforeEach
    void openTwoTablesOnOneFile() {
        first = SqliteTable.open(SqliteSettings.in(directory));
        second = SqliteTable.open(SqliteSettings.in(directory));
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    /** Half the threads use the first table, half the second. */
    private SqliteTable tableOfThread(AtomicInteger threads) {
        return threads.getAndIncrement() % 2 == 0 ? first : second;
    }

    @Test
    void of_puts_expecting_absence_racing_through_two_tables_exactly_one_is_written() throws Exception {
        AtomicInteger threads = new AtomicInteger();

        List<PutOutcome> outcomes = Concurrently.run(2 * THREADS_PER_TABLE, () -> tableOfThread(threads)
                .put(Item.of(new Key("P", "ONCE")).with("by", Thread.currentThread().getName()), Expect.absent()));

        assertThat(outcomes).filteredOn(PutOutcome.WRITTEN::equals).hasSize(1);
    }

    @Test
    void versioned_read_modify_writes_through_two_tables_lose_no_update() throws Exception {
        Key key = new Key("P", "VERSIONED");
        first.put(Item.of(key).with(Attributes.VERSION, 0L), Expect.absent());
        AtomicInteger threads = new AtomicInteger();

        Concurrently.run(2 * THREADS_PER_TABLE, () -> {
            SqliteTable table = tableOfThread(threads);
            for (int updates = 0; updates < 10; ) {
                long version = table.get(key).flatMap(item -> item.number(Attributes.VERSION)).orElseThrow();
                Item next = Item.of(key).with(Attributes.VERSION, version + 1);
                if (table.put(next, Expect.version(version)) == PutOutcome.WRITTEN) {
                    updates++;
                }
            }
            return null;
        });

        assertThat(second.get(key).flatMap(item -> item.number(Attributes.VERSION))).contains(80L);
    }

    @Test
    void adds_through_two_tables_lose_no_count() throws Exception {
        Key key = new Key("P", "COUNTER");
        AtomicInteger threads = new AtomicInteger();

        Concurrently.run(2 * THREADS_PER_TABLE, () -> {
            SqliteTable table = tableOfThread(threads);
            for (int i = 0; i < 25; i++) {
                table.add(key, Map.of("n", 1L, "twice", 2L));
            }
            return null;
        });

        Item counted = first.get(key).orElseThrow();
        assertThat(counted.number("n")).contains(200L);
        assertThat(counted.number("twice")).contains(400L);
    }

    @Test
    void adds_from_three_processes_lose_no_count() throws Exception {
        Key key = new Key("P", "ACROSS-PROCESSES");
        List<Process> others = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            others.add(startAdding(key, 100));
        }
        for (Process other : others) {
            String said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(said).as("the other process opened the table").isEqualTo("ready");
        }

        Files.createFile(directory.resolve("go"));
        for (int i = 0; i < 100; i++) {
            first.add(key, Map.of("n", 1L));
        }

        for (Process other : others) {
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the other process finished").isTrue();
            assertThat(other.exitValue()).as("the other process's exit code").isZero();
        }
        assertThat(first.get(key).flatMap(item -> item.number("n"))).contains(300L);
    }

    private Process startAdding(Key key, int times) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AddInAnotherProcess.class.getName(), directory.toString(), key.pk(), key.sk(), String.valueOf(times))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
