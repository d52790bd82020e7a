package dev.truss.singletable;

import java.util.Map;
import java.util.Optional;

/**
 * The few operations of one DynamoDB-style table that the key design needs; every call is one
 * request to the backend, and every read is strongly consistent except index queries (a
 * DynamoDB index catches up within moments of a write). Backends: DynamoDB, SQLite, and an
 * in-memory one for tests. {@code TableContract} (test-jar) is what each must pass.
 *
 * <p>A backend that cannot reach its store throws {@link TableUnavailableException}.
 */
public interface Table {

    Optional<Item> get(Key key);

    /** Replaces the whole item at {@code item.key()} if {@code expect} holds. */
    PutOutcome put(Item item, Expect expect);

    /** Removes the item and returns what it was; of racing deletes of one item, exactly one gets it. */
    Optional<Item> delete(Key key);

    /** Adds each amount to a number attribute atomically, creating the item or attribute at 0 first. */
    void add(Key key, Map<String, Long> amounts);

    QueryPage query(Query query);
}
