package dev.truss.application.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page as a client sees it: the items and an opaque cursor to the next page, when there is one. */
public record CursorPage<T>(List<T> items, Optional<String> nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "next cursor");
    }
}
