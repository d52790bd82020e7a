package dev.truss.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Index;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attributes split between columns and JSON come back exactly as they were put. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteTableAttributesTest {

    @TempDir
    Path directory;

    private SqliteTable table;

    @BeforeEach
    void open() {
        table = SqliteTable.open(SqliteSettings.in(directory));
    }

    @AfterEach
    void close() {
        table.close();
    }

    @Test
    void names_and_values_that_json_escapes_round_trip() {
        Item item = Item.of(new Key("P\"\\", "S\n\u0000"))
                .with("a\"b", "line\nbreak\ttab \u0000 nul 🎬")
                .with("$.x[0]", "")
                .with("", "empty name")
                .with("min", Long.MIN_VALUE);

        table.put(item, Expect.absent());

        assertThat(table.get(item.key())).contains(item);
    }

    @Test
    void a_string_attribute_named_version_round_trips_and_is_no_version() {
        Item item = Item.of(new Key("P", "S")).with(Attributes.VERSION, "7");
        table.put(item, Expect.absent());

        assertThat(table.get(item.key())).contains(item);
        assertThat(table.put(item, Expect.version(7))).isEqualTo(PutOutcome.CONDITION_FAILED);
    }

    @Test
    void an_item_with_half_an_index_key_keeps_it_but_is_not_in_the_index() {
        Item onlyPk = Item.of(new Key("P", "A")).with("GSI1PK", "I");
        Item numberPk = Item.of(new Key("P", "B")).with("GSI1PK", 5L).with("GSI1SK", "S");
        table.put(onlyPk, Expect.absent());
        table.put(numberPk, Expect.absent());

        assertThat(table.get(onlyPk.key())).contains(onlyPk);
        assertThat(table.get(numberPk.key())).contains(numberPk);
        assertThat(table.query(Query.index(Index.GSI1, "I", SortKeyRange.beginsWith("S"), false, 10)).items()).isEmpty();
        assertThat(table.query(Query.index(Index.GSI1, "5", SortKeyRange.beginsWith("S"), false, 10)).items()).isEmpty();
    }
}
