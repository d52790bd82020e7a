package dev.truss.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.singletable.Expect;
import dev.truss.singletable.InMemoryTable;
import dev.truss.singletable.Index;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.StartKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random queries over crowded, tie-rich keys answer exactly as the reference table does: the
 * range and start-key bounds chosen in SQL leave out nothing and let in nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteTableMatchesInMemoryTableTest {

    private static final List<String> PARTITIONS = List.of("P1", "P2");
    private static final List<String> INDEX_PARTITIONS = List.of("I1", "I2");

    @TempDir
    Path directory;

    private final Random random = new Random(20_260_101);
    private final InMemoryTable reference = new InMemoryTable();

    @Test
    void random_queries_and_their_pages_match_the_in_memory_table() {
        try (SqliteTable table = SqliteTable.open(SqliteSettings.in(directory))) {
            for (int i = 0; i < 300; i++) {
                Item item = randomItem();
                table.put(item, Expect.anything());
                reference.put(item, Expect.anything());
            }

            int withItems = 0;
            int withMore = 0;
            for (int i = 0; i < 1_000; i++) {
                Query query = randomQuery();
                QueryPage expected = reference.query(query);

                assertThat(table.query(query)).as("%s", query).isEqualTo(expected);
                withItems += expected.items().isEmpty() ? 0 : 1;
                withMore += expected.more().isPresent() ? 1 : 0;
            }
            assertThat(withItems).as("queries that found items").isGreaterThan(500);
            assertThat(withMore).as("queries that stopped at their limit").isGreaterThan(300);
        }
    }

    private Item randomItem() {
        Item item = Item.of(new Key(pick(PARTITIONS), sortKey()));
        for (Index index : Index.values()) {
            if (random.nextInt(3) > 0) {
                item = item.with(index.pkAttribute(), pick(INDEX_PARTITIONS));
            }
            if (random.nextInt(3) > 0) {
                item = item.with(index.skAttribute(), sortKey());
            }
        }
        return item;
    }

    private Query randomQuery() {
        Optional<Index> index = random.nextBoolean() ? Optional.empty() : Optional.of(pick(List.of(Index.values())));
        String partition = index.isPresent() ? pick(INDEX_PARTITIONS) : pick(PARTITIONS);
        SortKeyRange range;
        if (random.nextBoolean()) {
            String key = sortKey();
            range = SortKeyRange.beginsWith(key.substring(0, 1 + random.nextInt(key.length())));
        } else {
            String a = sortKey();
            String b = sortKey();
            range = a.compareTo(b) <= 0 ? SortKeyRange.between(a, b) : SortKeyRange.between(b, a);
        }
        Query query = new Query(index, partition, range, random.nextBoolean(), 1 + random.nextInt(6), Optional.empty());
        if (random.nextInt(4) == 0) {
            return query;
        }
        Key tableKey = new Key(pick(PARTITIONS), sortKey());
        return query.after(Optional.of(new StartKey(tableKey, index.map(i -> new Key(partition, sortKey())))));
    }

    /** One to three letters of three: few distinct keys, so many ties and near misses. */
    private String sortKey() {
        StringBuilder key = new StringBuilder();
        int length = 1 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            key.append("ABC".charAt(random.nextInt(3)));
        }
        return key.toString();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
