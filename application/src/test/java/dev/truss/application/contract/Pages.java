package dev.truss.application.contract;

import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Walks a paged listing the way a client does: following {@code next} until a page has none. */
public final class Pages {

    private static final int GIVE_UP_AFTER = 1_000;

    private Pages() {
    }

    public static <T> List<Page<T>> all(Function<PageRequest, Page<T>> listing, int limit) {
        List<Page<T>> pages = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<T> page = listing.apply(new PageRequest(limit, after));
            pages.add(page);
            after = page.next();
            if (pages.size() > GIVE_UP_AFTER) {
                throw new AssertionError("paging never ended: every page keeps handing out a next position");
            }
        } while (after.isPresent());
        return pages;
    }

    public static <T> List<T> items(List<Page<T>> pages) {
        return pages.stream().flatMap(page -> page.items().stream()).toList();
    }

    /** The items in reverse: what a newest-first listing returns of items created oldest first. */
    public static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.reverse(copy);
        return copy;
    }

    public static <T> List<Integer> sizes(List<Page<T>> pages) {
        return pages.stream().map(page -> page.items().size()).toList();
    }
}
