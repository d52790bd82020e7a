package dev.truss.application.common;

import dev.truss.application.port.storage.PageRequest;
import java.util.Objects;
import java.util.Optional;

/** A client's request for a page: how many items, and the cursor from the previous page, if any. */
public record PageQuery(int limit, Optional<String> cursor) {

    public PageQuery {
        Objects.requireNonNull(cursor, "cursor");
        new PageRequest(limit, Optional.empty()); // same limits as the stores
    }

    public static PageQuery first(int limit) {
        return new PageQuery(limit, Optional.empty());
    }

    public static PageQuery firstPage() {
        return first(PageRequest.DEFAULT_LIMIT);
    }
}
