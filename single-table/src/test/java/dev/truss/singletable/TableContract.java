package dev.truss.singletable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.Concurrently;
import dev.truss.application.contract.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Table} backend must do, with DynamoDB's semantics. Extend it and return a
 * table; each test works in partitions of its own, so the table may be shared between tests.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TableContract {

    protected abstract Table table();

    private Table table;
    private String pk;
    private String otherPk;

    @BeforeEach
    void freshPartitions() {
        table = table();
        pk = "TEST#" + UUID.randomUUID();
        otherPk = "TEST#" + UUID.randomUUID();
    }

    private Key key(String sk) {
        return new Key(pk, sk);
    }

    private Item item(String sk) {
        return Item.of(key(sk)).with(Attributes.DATA, "{\"sk\":\"" + sk + "\"}");
    }

    @Test
    void an_item_put_is_got_back_with_every_attribute() {
        Item item = Item.of(key("ITEM#1"))
                .with(Attributes.DATA, "{\"title\":\"Ünïcödé 🎬 #hash\"}")
                .with("GSI1PK", "P")
                .with(Attributes.VERSION, 7L)
                .with("big", Long.MAX_VALUE)
                .with("negative", -42L);

        assertThat(table.put(item, Expect.anything())).isEqualTo(PutOutcome.WRITTEN);

        assertThat(table.get(item.key())).contains(item);
    }

    @Test
    void getting_an_unknown_key_is_empty() {
        assertThat(table.get(key("NOTHING"))).isEmpty();
    }

    @Test
    void a_put_replaces_the_whole_item() {
        table.put(item("A").with("old", "gone").with("count", 3L), Expect.anything());
        Item replacement = item("A").with("new", "here");

        table.put(replacement, Expect.anything());

        assertThat(table.get(key("A"))).contains(replacement);
    }

    @Test
    void a_put_expecting_absence_fails_on_an_existing_item_and_changes_nothing() {
        Item first = item("A").with("n", "first");
        assertThat(table.put(first, Expect.absent())).isEqualTo(PutOutcome.WRITTEN);

        assertThat(table.put(item("A").with("n", "second"), Expect.absent())).isEqualTo(PutOutcome.CONDITION_FAILED);

        assertThat(table.get(key("A"))).contains(first);
    }

    @Test
    void a_put_expecting_a_version_writes_only_over_that_version() {
        Item v1 = item("A").with(Attributes.VERSION, 1L);
        table.put(v1, Expect.absent());
        Item v2 = item("A").with(Attributes.VERSION, 2L).with("edit", "yes");

        assertThat(table.put(v2.with("edit", "stale"), Expect.version(0))).isEqualTo(PutOutcome.CONDITION_FAILED);
        assertThat(table.put(v2, Expect.version(1))).isEqualTo(PutOutcome.WRITTEN);
        assertThat(table.put(v2, Expect.version(1))).isEqualTo(PutOutcome.CONDITION_FAILED);
        assertThat(table.get(key("A"))).contains(v2);
    }

    @Test
    void a_put_expecting_a_version_fails_when_there_is_no_item() {
        assertThat(table.put(item("A").with(Attributes.VERSION, 1L), Expect.version(0)))
                .isEqualTo(PutOutcome.CONDITION_FAILED);
        assertThat(table.get(key("A"))).isEmpty();
    }

    @Test
    void a_put_expecting_presence_replaces_an_item_and_never_brings_back_a_deleted_one() {
        Item first = item("A").with("edit", "first");
        Item second = item("A").with("edit", "second");

        assertThat(table.put(first, Expect.present())).isEqualTo(PutOutcome.CONDITION_FAILED);
        assertThat(table.get(key("A"))).isEmpty();
        table.put(first, Expect.absent());
        assertThat(table.put(second, Expect.present())).isEqualTo(PutOutcome.WRITTEN);
        assertThat(table.get(key("A"))).contains(second);
        table.delete(key("A"));
        assertThat(table.put(first, Expect.present())).isEqualTo(PutOutcome.CONDITION_FAILED);
        assertThat(table.get(key("A"))).isEmpty();
    }

    @Test
    void of_racing_puts_expecting_absence_exactly_one_is_written() throws Exception {
        List<PutOutcome> outcomes = Concurrently.run(8,
                () -> table.put(item("RACE").with("by", Thread.currentThread().getName()), Expect.absent()));

        assertThat(outcomes).filteredOn(PutOutcome.WRITTEN::equals).hasSize(1);
    }

    @Test
    void of_racing_puts_over_one_version_exactly_one_is_written() throws Exception {
        table.put(item("RACE").with(Attributes.VERSION, 0L), Expect.absent());

        List<PutOutcome> outcomes = Concurrently.run(8,
                () -> table.put(item("RACE").with(Attributes.VERSION, 1L), Expect.version(0)));

        assertThat(outcomes).filteredOn(PutOutcome.WRITTEN::equals).hasSize(1);
    }

    @Test
    void a_delete_returns_the_removed_item_and_a_second_delete_finds_nothing() {
        Item item = item("A").with(Attributes.VERSION, 3L);
        table.put(item, Expect.anything());

        assertThat(table.delete(key("A"))).contains(item);
        assertThat(table.delete(key("A"))).isEmpty();
        assertThat(table.get(key("A"))).isEmpty();
    }

    @Test
    void of_racing_deletes_of_one_item_exactly_one_gets_it() throws Exception {
        table.put(item("ONCE"), Expect.anything());

        List<Optional<Item>> results = Concurrently.run(8, () -> table.delete(key("ONCE")));

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void adding_creates_the_counters_and_keeps_other_attributes() {
        table.put(item("DAY").with("label", "kept"), Expect.anything());

        table.add(key("DAY"), Map.of("views", 5L, "clips", 1L));
        table.add(key("DAY"), Map.of("views", 2L));
        table.add(key("NEW"), Map.of("views", 1L));

        assertThat(table.get(key("DAY"))).contains(item("DAY").with("label", "kept").with("views", 7L).with("clips", 1L));
        assertThat(table.get(key("NEW"))).contains(Item.of(key("NEW")).with("views", 1L));
    }

    @Test
    void concurrent_adds_never_lose_a_count() throws Exception {
        Concurrently.run(8, () -> {
            for (int i = 0; i < 10; i++) {
                table.add(key("COUNTER"), Map.of("n", 1L));
            }
            return null;
        });

        assertThat(table.get(key("COUNTER")).flatMap(item -> item.number("n"))).contains(80L);
    }

    @Test
    void a_prefix_query_reads_only_that_partition_and_prefix_in_sort_key_order() {
        for (String sk : List.of("ASSET#2", "ASSET#1", "ASSET#3", "ASSETS", "CHAPTERS#1", "AS")) {
            table.put(item(sk), Expect.anything());
        }
        table.put(Item.of(new Key(otherPk, "ASSET#0")), Expect.anything());

        QueryPage ascending = table.query(Query.table(pk, SortKeyRange.beginsWith("ASSET#"), false, 10));
        QueryPage descending = table.query(Query.table(pk, SortKeyRange.beginsWith("ASSET#"), true, 10));

        assertThat(sortKeys(ascending.items())).containsExactly("ASSET#1", "ASSET#2", "ASSET#3");
        assertThat(sortKeys(descending.items())).containsExactly("ASSET#3", "ASSET#2", "ASSET#1");
        assertThat(ascending.more()).isEmpty();
    }

    @Test
    void a_between_query_includes_both_ends() {
        for (String sk : List.of("DAY#2026-01-01", "DAY#2026-01-02", "DAY#2026-01-03", "DAY#2026-01-04")) {
            table.put(item(sk), Expect.anything());
        }

        QueryPage page = table.query(Query.table(pk, SortKeyRange.between("DAY#2026-01-02", "DAY#2026-01-03"), false, 10));

        assertThat(sortKeys(page.items())).containsExactly("DAY#2026-01-02", "DAY#2026-01-03");
    }

    @Test
    void following_more_reads_every_item_once_in_order() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add("CLIP#" + i);
            table.put(item("CLIP#" + i), Expect.anything());
        }

        List<QueryPage> pages = readAll(Query.table(pk, SortKeyRange.beginsWith("CLIP#"), true, 3));

        assertThat(pages.get(0).items()).hasSize(3);
        assertThat(pages.get(0).more()).isPresent();
        assertThat(sortKeys(pages.stream().flatMap(page -> page.items().stream()).toList()))
                .containsExactlyElementsOf(Pages.reversed(expected));
    }

    @Test
    void a_query_resumes_after_a_start_key_whose_item_is_gone() {
        for (String sk : List.of("CLIP#1", "CLIP#3", "CLIP#5")) {
            table.put(item(sk), Expect.anything());
        }
        StartKey afterTwo = new StartKey(key("CLIP#2"), Optional.empty());

        QueryPage ascending = table.query(Query.table(pk, SortKeyRange.beginsWith("CLIP#"), false, 10)
                .after(Optional.of(afterTwo)));
        QueryPage descending = table.query(Query.table(pk, SortKeyRange.beginsWith("CLIP#"), true, 10)
                .after(Optional.of(new StartKey(key("CLIP#4"), Optional.empty()))));

        assertThat(sortKeys(ascending.items())).containsExactly("CLIP#3", "CLIP#5");
        assertThat(sortKeys(descending.items())).containsExactly("CLIP#3", "CLIP#1");
    }

    @Test
    void an_index_holds_only_items_with_its_keys_sorted_by_the_index_sort_key() {
        String indexPk = pk + "#CLIPS";
        table.put(item("CLIP#a").with("GSI1PK", indexPk).with("GSI1SK", "SCORE#050#a"), Expect.anything());
        table.put(item("CLIP#b").with("GSI1PK", indexPk).with("GSI1SK", "SCORE#090#b"), Expect.anything());
        table.put(item("CLIP#c").with("GSI1PK", indexPk).with("GSI1SK", "SCORE#070#c"), Expect.anything());
        table.put(item("ASSET#x"), Expect.anything());
        table.put(Item.of(new Key(otherPk, "CLIP#z")).with("GSI1PK", otherPk + "#CLIPS").with("GSI1SK", "SCORE#100#z"),
                Expect.anything());

        QueryPage top = table.query(Query.index(Index.GSI1, indexPk, SortKeyRange.beginsWith("SCORE#"), true, 10));

        assertThat(sortKeys(top.items())).containsExactly("CLIP#b", "CLIP#c", "CLIP#a");
        assertThat(top.items().get(0)).isEqualTo(table.get(key("CLIP#b")).orElseThrow());
    }

    @Test
    void an_index_follows_a_changed_index_key_and_a_delete() {
        String indexPk = pk + "#ASSET";
        table.put(item("CLIP#a").with("GSI2PK", indexPk).with("GSI2SK", "001"), Expect.anything());
        table.put(item("CLIP#b").with("GSI2PK", indexPk).with("GSI2SK", "002"), Expect.anything());
        table.put(item("CLIP#c").with("GSI2PK", indexPk).with("GSI2SK", "003"), Expect.anything());

        table.put(item("CLIP#a").with("GSI2PK", indexPk).with("GSI2SK", "009"), Expect.anything());
        table.delete(key("CLIP#b"));
        QueryPage page = table.query(Query.index(Index.GSI2, indexPk, SortKeyRange.beginsWith("0"), false, 10));

        assertThat(sortKeys(page.items())).containsExactly("CLIP#c", "CLIP#a");
    }

    @Test
    void following_more_through_an_index_reads_every_item_once() {
        String indexPk = pk + "#CLIPS";
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            table.put(item("CLIP#" + i).with("GSI1PK", indexPk).with("GSI1SK", "SCORE#0" + (10 + i) + "#" + i),
                    Expect.anything());
            expected.add("CLIP#" + i);
        }

        List<QueryPage> pages = readAll(Query.index(Index.GSI1, indexPk, SortKeyRange.beginsWith("SCORE#"), true, 2));

        assertThat(sortKeys(pages.stream().flatMap(page -> page.items().stream()).toList()))
                .containsExactlyElementsOf(Pages.reversed(expected));
        assertThat(pages.get(0).more().flatMap(StartKey::indexKey)).isPresent();
    }

    @Test
    void a_query_of_an_empty_range_is_empty_without_more() {
        QueryPage page = table.query(Query.table(pk, SortKeyRange.beginsWith("NOTHING#"), false, 5));

        assertThat(page.items()).isEmpty();
        assertThat(page.more()).isEmpty();
    }

    private List<QueryPage> readAll(Query first) {
        List<QueryPage> pages = new ArrayList<>();
        Optional<StartKey> after = Optional.empty();
        do {
            QueryPage page = table.query(first.after(after));
            pages.add(page);
            after = page.more();
            assertThat(pages).as("pages read").hasSizeLessThan(100);
        } while (after.isPresent());
        return pages;
    }

    private static List<String> sortKeys(List<Item> items) {
        return items.stream().map(item -> item.key().sk()).toList();
    }
}
