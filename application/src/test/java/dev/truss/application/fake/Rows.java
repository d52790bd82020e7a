package dev.truss.application.fake;

import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/** The conditional writes and paging every fake shares. Callers hold their store's lock. */
final class Rows {

    private Rows() {
    }

    static <K, V> WriteResult<V> create(Map<K, V> rows, K key, V value) {
        V existing = rows.putIfAbsent(key, value);
        return existing == null ? new WriteResult.Written<>(value) : new WriteResult.AlreadyExists<>(existing);
    }

    static <K, V extends Versioned<V>> WriteResult<V> update(Map<K, V> rows, K key, V changed) {
        V stored = rows.get(key);
        if (stored == null) {
            return new WriteResult.Missing<>();
        }
        if (stored.version() != changed.version()) {
            return new WriteResult.VersionConflict<>();
        }
        V saved = changed.withVersion(changed.version() + 1);
        rows.put(key, saved);
        return new WriteResult.Written<>(saved);
    }

    static <K, V> WriteResult<V> delete(Map<K, V> rows, K key) {
        V removed = rows.remove(key);
        return removed == null ? new WriteResult.Missing<>() : new WriteResult.Written<>(removed);
    }

    /**
     * One page of a map whose key order is the listing order. A position is the key of the last
     * item handed out, so a page continues correctly even if items were added or removed since.
     */
    static <T> Page<T> page(NavigableMap<String, T> inListingOrder, PageRequest request) {
        NavigableMap<String, T> rest = request.after()
                .map(after -> inListingOrder.tailMap(after, false))
                .orElse(inListingOrder);
        List<T> items = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, T> row : rest.entrySet()) {
            if (items.size() == request.limit()) {
                return new Page<>(items, Optional.of(last)); // another item follows
            }
            items.add(row.getValue());
            last = row.getKey();
        }
        return new Page<>(items, Optional.empty());
    }
}
