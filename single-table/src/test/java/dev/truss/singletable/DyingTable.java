package dev.truss.singletable;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * The table as one process sees it, until the process dies: the first put of an item that
 * {@code diesAt} matches fails before it lands, and so does every call after it, whoever makes
 * it. The table itself (what other processes see) keeps everything written before. For tests of
 * what a restart finds after a crash in the middle of a use case.
 */
public final class DyingTable implements Table {

    private final Table table;
    private final Predicate<Item> diesAt;
    private final CountDownLatch died = new CountDownLatch(1);

    public DyingTable(Table table, Predicate<Item> diesAt) {
        this.table = table;
        this.diesAt = diesAt;
    }

    /** Counted down when the process dies. */
    public CountDownLatch died() {
        return died;
    }

    private void checkAlive() {
        if (died.getCount() == 0) {
            throw new TableUnavailableException("this process is dead", null);
        }
    }

    @Override
    public Optional<Item> get(Key key) {
        checkAlive();
        return table.get(key);
    }

    @Override
    public PutOutcome put(Item item, Expect expect) {
        checkAlive();
        if (diesAt.test(item)) {
            died.countDown();
            checkAlive();
        }
        return table.put(item, expect);
    }

    @Override
    public Optional<Item> delete(Key key) {
        checkAlive();
        return table.delete(key);
    }

    @Override
    public void add(Key key, Map<String, Long> amounts) {
        checkAlive();
        table.add(key, amounts);
    }

    @Override
    public QueryPage query(Query query) {
        checkAlive();
        return table.query(query);
    }
}
