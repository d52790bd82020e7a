package dev.truss.adapters.sqlite;

import dev.truss.singletable.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second process on the same file: opens the table, says "ready", waits for the file
 * {@code go} to appear (so every writer starts at once), then adds 1 to a counter {@code times} times.
 * Arguments: directory, pk, sk, times.
 */
public final class AddInAnotherProcess {

    private AddInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Key counter = new Key(args[1], args[2]);
        int times = Integer.parseInt(args[3]);
        try (SqliteTable table = SqliteTable.open(SqliteSettings.in(directory))) {
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(directory.resolve("go"))) {
                Thread.sleep(5);
            }
            for (int i = 0; i < times; i++) {
                table.add(counter, Map.of("n", 1L));
            }
        }
    }
}
