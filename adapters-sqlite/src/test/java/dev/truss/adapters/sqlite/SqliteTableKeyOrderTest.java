package dev.truss.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.StartKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys compare as DynamoDB compares them: by their UTF-8 bytes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteTableKeyOrderTest {

    private static final String MAX = Character.toString(Character.MAX_CODE_POINT);

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

    private void put(String... sortKeys) {
        for (String sk : sortKeys) {
            table.put(Item.of(new Key("P", sk)), Expect.anything());
        }
    }

    private List<String> sortKeys(Query query) {
        return table.query(query).items().stream().map(item -> item.key().sk()).toList();
    }

    @Test
    void sort_keys_come_in_byte_order_with_case_and_characters_above_the_bmp() {
        put("K#😀", "K#\uFFFD", "K#é", "K#a", "K#B");

        assertThat(sortKeys(Query.table("P", SortKeyRange.beginsWith("K#"), false, 10)))
                .containsExactly("K#B", "K#a", "K#é", "K#\uFFFD", "K#😀");
    }

    @Test
    void a_prefix_ending_in_the_last_code_point_still_reads_only_its_keys() {
        put("A" + MAX, "A" + MAX + "x", "A" + MAX + MAX, "B", "A\uFFFF");

        assertThat(sortKeys(Query.table("P", SortKeyRange.beginsWith("A" + MAX), false, 10)))
                .containsExactly("A" + MAX, "A" + MAX + "x", "A" + MAX + MAX);
        assertThat(sortKeys(Query.table("P", SortKeyRange.beginsWith(MAX), false, 10))).isEmpty();
    }

    @Test
    void a_start_key_outside_the_range_leaves_the_whole_range_to_read() {
        put("M#1", "M#2", "M#3");
        Optional<StartKey> before = Optional.of(new StartKey(new Key("P", "A"), Optional.empty()));
        Optional<StartKey> beyond = Optional.of(new StartKey(new Key("P", "Z"), Optional.empty()));

        QueryPage ascending = table.query(Query.table("P", SortKeyRange.beginsWith("M#"), false, 10).after(before));
        QueryPage descending = table.query(Query.table("P", SortKeyRange.between("M#1", "M#3"), true, 10).after(beyond));
        QueryPage nothingLeft = table.query(Query.table("P", SortKeyRange.beginsWith("M#"), false, 10).after(beyond));

        assertThat(ascending.items()).hasSize(3);
        assertThat(descending.items()).hasSize(3);
        assertThat(nothingLeft.items()).isEmpty();
    }
}
