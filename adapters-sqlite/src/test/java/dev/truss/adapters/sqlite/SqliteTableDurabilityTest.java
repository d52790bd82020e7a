package dev.truss.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Index;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteTableDurabilityTest {

    @TempDir
    Path directory;

    private final Item clip = Item.of(new Key("CREATOR#1", "CLIP#1"))
            .with(Attributes.DATA, "{\"title\":\"kept\"}")
            .with("GSI1PK", "CREATOR#1#CLIPS")
            .with("GSI1SK", "SCORE#090#1")
            .with(Attributes.VERSION, 4L);

    @Test
    void items_counters_and_indexes_survive_closing_and_reopening() {
        try (SqliteTable table = SqliteTable.open(SqliteSettings.in(directory))) {
            table.put(clip, Expect.absent());
            table.add(new Key("CREATOR#1", "DAY#2026-01-01"), Map.of("views", 3L));
        }

        try (SqliteTable reopened = SqliteTable.open(SqliteSettings.in(directory))) {
            assertThat(reopened.get(clip.key())).contains(clip);
            assertThat(reopened.get(new Key("CREATOR#1", "DAY#2026-01-01")).flatMap(item -> item.number("views")))
                    .contains(3L);
            assertThat(reopened.query(Query.index(Index.GSI1, "CREATOR#1#CLIPS", SortKeyRange.beginsWith("SCORE#"),
                    true, 10)).items()).containsExactly(clip);
        }
    }

    @Test
    void a_backup_taken_while_in_use_opens_as_a_table_with_the_same_items() throws Exception {
        Path backups = Files.createDirectory(directory.resolve("backup"));
        try (SqliteTable table = SqliteTable.open(SqliteSettings.in(directory.resolve("live")))) {
            table.put(clip, Expect.absent());

            table.backUpTo(backups.resolve("truss.db"));
        }

        try (SqliteTable restored = SqliteTable.open(SqliteSettings.in(backups))) {
            assertThat(restored.get(clip.key())).contains(clip);
        }
    }
}
