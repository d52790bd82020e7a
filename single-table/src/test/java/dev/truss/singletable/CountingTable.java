package dev.truss.singletable;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the calls made to a table: each is one request to a backend. */
public final class CountingTable implements Table {

    private final Table table;
    private final AtomicLong calls = new AtomicLong();

    public CountingTable(Table table) {
        this.table = table;
    }

    public long calls() {
        return calls.get();
    }

    @Override
    public Optional<Item> get(Key key) {
        calls.incrementAndGet();
        return table.get(key);
    }

    @Override
    public PutOutcome put(Item item, Expect expect) {
        calls.incrementAndGet();
        return table.put(item, expect);
    }

    @Override
    public Optional<Item> delete(Key key) {
        calls.incrementAndGet();
        return table.delete(key);
    }

    @Override
    public void add(Key key, Map<String, Long> amounts) {
        calls.incrementAndGet();
        table.add(key, amounts);
    }

    @Override
    public QueryPage query(Query query) {
        calls.incrementAndGet();
        return table.query(query);
    }
}
