package dev.truss.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.Concurrently;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Index;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.SortKeyRange;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Each Table operation costs exactly one request, whatever its outcome, as RequestCounter counts them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequestCounterTest {

    private static final RequestCounter COUNTER = new RequestCounter();
    private static DynamoDbClient client;
    private static DynamoDbTable table;

    private String pk;

    @BeforeAll
    static void freshTable() {
        DynamoDbSettings settings = Dynalite.freshTable();
        client = Dynalite.clients(settings).withRequestCounter(COUNTER).create();
        table = new DynamoDbTable(client, settings.tableName());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @BeforeEach
    void freshPartitionAndCount() {
        pk = "COUNT#" + UUID.randomUUID();
        COUNTER.reset();
    }

    @Test
    void a_get_is_one_GetItem_found_or_not() {
        table.get(new Key(pk, "MISSING"));

        assertThat(COUNTER.byOperation()).containsExactly(Map.entry("GetItem", 1L));
    }

    @Test
    void a_put_is_one_PutItem_written_or_refused() {
        Item item = Item.of(new Key(pk, "A")).with(Attributes.VERSION, 1L);
        assertThat(table.put(item, Expect.absent())).isEqualTo(PutOutcome.WRITTEN);
        assertThat(table.put(item, Expect.absent())).isEqualTo(PutOutcome.CONDITION_FAILED);
        assertThat(table.put(item, Expect.version(1))).isEqualTo(PutOutcome.WRITTEN);

        assertThat(COUNTER.byOperation()).containsExactly(Map.entry("PutItem", 3L));
    }

    @Test
    void a_delete_is_one_DeleteItem_found_or_not() {
        table.put(Item.of(new Key(pk, "A")), Expect.anything());
        COUNTER.reset();

        assertThat(table.delete(new Key(pk, "A"))).isPresent();
        assertThat(table.delete(new Key(pk, "A"))).isEmpty();

        assertThat(COUNTER.byOperation()).containsExactly(Map.entry("DeleteItem", 2L));
    }

    @Test
    void adding_to_several_counters_is_one_UpdateItem() {
        table.add(new Key(pk, "DAY"), Map.of("views", 3L, "clips", 1L, "shares", 2L));

        assertThat(COUNTER.byOperation()).containsExactly(Map.entry("UpdateItem", 1L));
    }

    @Test
    void a_query_page_of_the_table_or_an_index_is_one_Query() {
        for (int i = 0; i < 3; i++) {
            table.put(Item.of(new Key(pk, "CLIP#" + i)).with("GSI1PK", pk).with("GSI1SK", "SCORE#" + i),
                    Expect.anything());
        }
        COUNTER.reset();

        QueryPage first = table.query(Query.index(Index.GSI1, pk, SortKeyRange.beginsWith("SCORE#"), true, 2));
        table.query(Query.index(Index.GSI1, pk, SortKeyRange.beginsWith("SCORE#"), true, 2).after(first.more()));
        table.query(Query.table(pk, SortKeyRange.between("CLIP#0", "CLIP#9"), false, 10));

        assertThat(COUNTER.byOperation()).containsExactly(Map.entry("Query", 3L));
        assertThat(COUNTER.total()).isEqualTo(3);
    }

    @Test
    void requests_from_many_threads_are_all_counted() throws Exception {
        Concurrently.run(8, () -> {
            for (int i = 0; i < 10; i++) {
                table.get(new Key(pk, "X"));
            }
            return null;
        });

        assertThat(COUNTER.count("GetItem")).isEqualTo(80);
        assertThat(COUNTER.count("PutItem")).isZero();
    }

    @Test
    void a_reset_starts_every_count_again_from_zero() {
        table.get(new Key(pk, "X"));
        table.add(new Key(pk, "X"), Map.of("n", 1L));

        COUNTER.reset();

        assertThat(COUNTER.total()).isZero();
        assertThat(COUNTER.byOperation()).isEmpty();
    }
}
