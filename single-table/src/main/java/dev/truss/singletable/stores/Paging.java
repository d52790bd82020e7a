package dev.truss.singletable.stores;

import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.domain.InvalidValueException;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.StartKey;
import dev.truss.singletable.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pages of a query. A page of N reads N + 1 items in one request, so {@code next} is present
 * exactly when another item follows (no empty last page). A position is the last item's keys;
 * the application seals it into an authenticated cursor before a client sees it.
 */
final class Paging {

    private static final String SEPARATOR = "\n"; // never part of a key

    private Paging() {
    }

    static <T> Page<T> page(Table table, Query query, PageRequest request, Function<Item, T> decode) {
        Query first = query.after(request.after().map(position -> decode(position, query)));
        List<Item> items = read(table, first, request.limit() + 1);
        if (items.size() <= request.limit()) {
            return new Page<>(items.stream().map(decode).toList(), Optional.empty());
        }
        List<Item> page = items.subList(0, request.limit());
        StartKey last = StartKey.after(page.get(page.size() - 1), query.index());
        return new Page<>(page.stream().map(decode).toList(), Optional.of(encode(last)));
    }

    /** Up to {@code wanted} items: one request, unless the backend stopped early (DynamoDB's 1 MB). */
    static List<Item> read(Table table, Query query, int wanted) {
        List<Item> items = new ArrayList<>();
        Optional<StartKey> after = query.after();
        do {
            QueryPage page = table.query(query.withLimit(wanted - items.size()).after(after));
            items.addAll(page.items());
            after = page.more();
        } while (items.size() < wanted && after.isPresent());
        return items;
    }

    /** Every item of the query, however many requests that takes (for small, bounded sets). */
    static List<Item> readAll(Table table, Query query) {
        return read(table, query, Integer.MAX_VALUE);
    }

    static String encode(StartKey start) {
        StringBuilder position = new StringBuilder(start.tableKey().pk()).append(SEPARATOR).append(start.tableKey().sk());
        start.indexKey().ifPresent(index -> position.append(SEPARATOR).append(index.pk()).append(SEPARATOR).append(index.sk()));
        return position.toString();
    }

    static StartKey decode(String position, Query query) {
        String[] parts = position.split(SEPARATOR, -1);
        int expected = query.index().isPresent() ? 4 : 2;
        if (parts.length != expected) {
            throw new InvalidValueException("not a position of this listing");
        }
        Optional<Key> indexKey = query.index().isPresent() ? Optional.of(new Key(parts[2], parts[3])) : Optional.empty();
        String partition = indexKey.map(Key::pk).orElse(parts[0]);
        if (!partition.equals(query.partition())) {
            throw new InvalidValueException("not a position of this listing"); // cursors are sealed; defence in depth
        }
        return new StartKey(new Key(parts[0], parts[1]), indexKey);
    }
}
