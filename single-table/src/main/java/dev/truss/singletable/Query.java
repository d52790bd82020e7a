package dev.truss.singletable;

import java.util.Objects;
import java.util.Optional;

/**
 * One query of one partition of the table or of an index: at most {@code limit} items whose
 * sort key is in {@code range}, in sort-key order ({@code descending} for newest or highest
 * first), after {@code after}. A backend answers with one request.
 */
public record Query(Optional<Index> index, String partition, SortKeyRange range, boolean descending, int limit,
                    Optional<StartKey> after) {

    public Query {
        Objects.requireNonNull(index, "index");
        Key.requireKeyPart("partition", partition);
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("a query reads at least one item, asked for " + limit);
        }
        if (after.isPresent() && after.get().indexKey().isPresent() != index.isPresent()) {
            throw new IllegalArgumentException("a start key must carry an index key exactly when the query reads an index");
        }
    }

    public static Query table(String partition, SortKeyRange range, boolean descending, int limit) {
        return new Query(Optional.empty(), partition, range, descending, limit, Optional.empty());
    }

    public static Query index(Index index, String partition, SortKeyRange range, boolean descending, int limit) {
        return new Query(Optional.of(index), partition, range, descending, limit, Optional.empty());
    }

    public Query after(Optional<StartKey> start) {
        return new Query(index, partition, range, descending, limit, start);
    }

    public Query withLimit(int newLimit) {
        return new Query(index, partition, range, descending, newLimit, after);
    }
}
