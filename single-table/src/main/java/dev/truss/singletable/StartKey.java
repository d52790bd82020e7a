package dev.truss.singletable;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a query resumes: after the item with this table key (and, for an index query, this
 * index key) in the query's order. The item need not exist any more. DynamoDB's
 * {@code ExclusiveStartKey}.
 */
public record StartKey(Key tableKey, Optional<Key> indexKey) {

    public StartKey {
        Objects.requireNonNull(tableKey, "table key");
        Objects.requireNonNull(indexKey, "index key");
    }

    /** Resumes after {@code item} in a query of the table ({@code index} empty) or of an index. */
    public static StartKey after(Item item, Optional<Index> index) {
        return new StartKey(item.key(), index.map(i -> item.keyIn(i)
                .orElseThrow(() -> new IllegalArgumentException(item.key() + " is not in index " + i))));
    }
}
