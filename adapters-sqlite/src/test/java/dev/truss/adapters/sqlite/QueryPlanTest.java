package dev.truss.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.singletable.Index;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.StartKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query is a seek into the primary key or the index's partial index, read in index order:
 * no full scan, no sort. A creator's hundredth clip costs what their first did, with 100 clips or 50,000.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QueryPlanTest {

    @TempDir
    static Path directory;

    @BeforeAll
    static void createTheSchema() {
        SqliteTable.open(SqliteSettings.in(directory)).close();
    }

    static Stream<Query> everyKindOfQuery() {
        List<Query> queries = new ArrayList<>();
        List<Optional<Index>> targets = List.of(Optional.empty(), Optional.of(Index.GSI1), Optional.of(Index.GSI2));
        List<SortKeyRange> ranges = List.of(SortKeyRange.beginsWith("SCORE#"), SortKeyRange.between("SCORE#000", "SCORE#100"));
        for (Optional<Index> index : targets) {
            for (SortKeyRange range : ranges) {
                for (boolean descending : List.of(false, true)) {
                    Query query = new Query(index, "CREATOR#1", range, descending, 20, Optional.empty());
                    StartKey start = new StartKey(new Key("CREATOR#1", "CLIP#9"),
                            index.map(i -> new Key("CREATOR#1#CLIPS", "SCORE#050#9")));
                    queries.add(query);
                    queries.add(query.after(Optional.of(start)));
                }
            }
        }
        return queries.stream();
    }

    @ParameterizedTest
    @MethodSource("everyKindOfQuery")
    void a_query_seeks_its_index_in_order(Query query) throws Exception {
        List<String> plan = plan(QueryStatement.of(query));

        String index = query.index().map(i -> "USING INDEX items_" + i.name().toLowerCase() + " (" + ItemRow.pkColumn(i))
                .orElse("USING PRIMARY KEY (pk");
        assertThat(plan).singleElement().asString()
                .startsWith("SEARCH items " + index + "=? AND ")
                .doesNotContain("SCAN")
                .doesNotContain("TEMP B-TREE");
    }

    static Stream<Query> resumedIndexQueries() {
        return everyKindOfQuery().filter(query -> query.index().isPresent() && query.after().isPresent());
    }

    @ParameterizedTest
    @MethodSource("resumedIndexQueries")
    void a_resumed_index_query_seeks_straight_to_its_start_key(Query query) throws Exception {
        List<String> plan = plan(QueryStatement.of(query));

        String skColumn = ItemRow.skColumn(query.index().get());
        assertThat(plan).singleElement().asString()
                .contains("(" + skColumn + ",pk,sk)" + (query.descending() ? "<" : ">") + "(?,?,?)");
    }

    private static List<String> plan(QueryStatement statement) throws Exception {
        try (Connection connection = RawSqlite.connect(directory.resolve("truss.db"));
             PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                explain.setObject(i + 1, statement.parameters().get(i));
            }
            List<String> details = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    details.add(rows.getString("detail"));
                }
            }
            return details;
        }
    }
}
