package dev.truss.singletable;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one query request read. {@code more} is where to resume when the backend stopped before
 * the range ended (it read {@code limit} items, or hit a size limit): more items may follow.
 */
public record QueryPage(List<Item> items, Optional<StartKey> more) {

    public QueryPage {
        items = List.copyOf(items);
        Objects.requireNonNull(more, "more");
    }
}
