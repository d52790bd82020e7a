package dev.truss.application.port.storage;

import dev.truss.domain.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a store for one page: at most {@code limit} items after {@code after}, a position the
 * same store handed out with the previous page. Positions are the store's own business;
 * clients only ever see them sealed inside a cursor (see {@code PageCursors}).
 */
public record PageRequest(int limit, Optional<String> after) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("a page holds 1–" + MAX_LIMIT + " items, asked for " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
