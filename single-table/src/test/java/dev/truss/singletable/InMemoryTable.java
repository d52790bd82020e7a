package dev.truss.singletable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The table in memory, with DynamoDB's semantics: the fixture the single-table stores' own
 * tests (properties, crash injection) run on, and the reference the other backends are
 * compared with by {@link TableContract}.
 */
public final class InMemoryTable implements Table {

    private static final Comparator<Key> TABLE_ORDER =
            Comparator.comparing(Key::pk).thenComparing(Key::sk);

    private final TreeMap<Key, Item> items = new TreeMap<>(TABLE_ORDER);

    /** Every item, in key order: what a scan would read (tests only; stores never scan). */
    public synchronized List<Item> items() {
        return List.copyOf(items.values());
    }

    @Override
    public synchronized Optional<Item> get(Key key) {
        return Optional.ofNullable(items.get(key));
    }

    @Override
    public synchronized PutOutcome put(Item item, Expect expect) {
        Item stored = items.get(item.key());
        boolean holds;
        if (expect instanceof Expect.Version version) {
            holds = stored != null && stored.number(Attributes.VERSION).equals(Optional.of(version.version()));
        } else if (expect instanceof Expect.Present) {
            holds = stored != null;
        } else {
            holds = expect instanceof Expect.Anything || stored == null;
        }
        if (!holds) {
            return PutOutcome.CONDITION_FAILED;
        }
        items.put(item.key(), item);
        return PutOutcome.WRITTEN;
    }

    @Override
    public synchronized Optional<Item> delete(Key key) {
        return Optional.ofNullable(items.remove(key));
    }

    @Override
    public synchronized void add(Key key, Map<String, Long> amounts) {
        Item item = items.getOrDefault(key, Item.of(key));
        Map<String, Long> numbers = new HashMap<>(item.numbers());
        amounts.forEach((name, amount) -> numbers.merge(name, amount, Long::sum));
        items.put(key, new Item(key, item.strings(), numbers));
    }

    @Override
    public synchronized QueryPage query(Query query) {
        Comparator<Item> order = query.index()
                .map(index -> Comparator.<Item, String>comparing(item -> item.keyIn(index).orElseThrow().sk())
                        .thenComparing(Item::key, TABLE_ORDER))
                .orElse(Comparator.comparing(Item::key, TABLE_ORDER));
        if (query.descending()) {
            order = order.reversed();
        }
        List<Item> matching = new ArrayList<>();
        for (Item item : items.values()) {
            Optional<Key> key = query.index().isPresent() ? item.keyIn(query.index().get()) : Optional.of(item.key());
            if (key.isPresent() && key.get().pk().equals(query.partition()) && inRange(key.get().sk(), query.range())
                    && query.after().map(start -> isAfter(item, start, query)).orElse(true)) {
                matching.add(item);
            }
        }
        matching.sort(order);
        if (matching.size() <= query.limit()) {
            return new QueryPage(matching, Optional.empty());
        }
        List<Item> page = matching.subList(0, query.limit());
        return new QueryPage(page, Optional.of(StartKey.after(page.get(page.size() - 1), query.index())));
    }

    private static boolean inRange(String sk, SortKeyRange range) {
        if (range instanceof SortKeyRange.BeginsWith beginsWith) {
            return sk.startsWith(beginsWith.prefix());
        }
        SortKeyRange.Between between = (SortKeyRange.Between) range;
        return sk.compareTo(between.low()) >= 0 && sk.compareTo(between.high()) <= 0;
    }

    private static boolean isAfter(Item item, StartKey start, Query query) {
        int comparison;
        if (query.index().isPresent()) {
            comparison = item.keyIn(query.index().get()).orElseThrow().sk().compareTo(start.indexKey().orElseThrow().sk());
            if (comparison == 0) {
                comparison = TABLE_ORDER.compare(item.key(), start.tableKey());
            }
        } else {
            comparison = item.key().sk().compareTo(start.tableKey().sk());
        }
        return query.descending() ? comparison < 0 : comparison > 0;
    }
}
