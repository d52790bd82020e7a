package dev.truss.application.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.storage.Page;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.Ulid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PageCursorsTest {

    private static final CreatorId ADA = new CreatorId(Ulid.of(1_700_000_000_000L, 1, 1));
    private static final CreatorId BOB = new CreatorId(Ulid.of(1_700_000_000_000L, 2, 2));
    private final PageCursors cursors = new PageCursors("a secret of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8));
    private final List<Integer> items = IntStream.range(0, 7).boxed().toList();

    @Test
    void following_the_cursors_visits_every_item_once_in_order() {
        List<Integer> seen = new ArrayList<>();
        PageQuery query = PageQuery.first(3);
        for (int pages = 0; pages < 10; pages++) {
            CursorPage<Integer> page = cursors.page(query, ADA, "assets", this::list);
            seen.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = new PageQuery(3, page.nextCursor());
        }
        assertThat(seen).isEqualTo(items);
    }

    @Test
    void an_altered_cursor_is_rejected() {
        String cursor = secondPageCursor();
        String altered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

        assertThatThrownBy(() -> cursors.page(new PageQuery(3, Optional.of(altered)), ADA, "assets", this::list))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("not valid for this list");
    }

    @Test
    void another_creators_cursor_is_rejected() {
        String cursor = secondPageCursor();

        assertThatThrownBy(() -> cursors.page(new PageQuery(3, Optional.of(cursor)), BOB, "assets", this::list))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_cursor_of_another_list_is_rejected() {
        String cursor = secondPageCursor();

        assertThatThrownBy(() -> cursors.page(new PageQuery(3, Optional.of(cursor)), ADA, "clips", this::list))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void garbage_is_rejected_with_the_same_message() {
        for (String garbage : List.of("", ".", "not-a-cursor", "%%%.%%%", "a.b.c")) {
            assertThatThrownBy(() -> cursors.page(new PageQuery(3, Optional.of(garbage)), ADA, "assets", this::list))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("first page");
        }
    }

    @Test
    void a_cursor_made_with_another_key_is_rejected() {
        PageCursors other = new PageCursors("another secret, also thirty-two bytes".getBytes(StandardCharsets.UTF_8));
        String foreign = other.page(PageQuery.first(3), ADA, "assets", this::list).nextCursor().orElseThrow();

        assertThatThrownBy(() -> cursors.page(new PageQuery(3, Optional.of(foreign)), ADA, "assets", this::list))
                .isInstanceOf(InvalidValueException.class);
    }

    private String secondPageCursor() {
        return cursors.page(PageQuery.first(3), ADA, "assets", this::list).nextCursor().orElseThrow();
    }

    /** A store listing whose positions are plain indexes. */
    private Page<Integer> list(dev.truss.application.port.storage.PageRequest request) {
        int from = request.after().map(Integer::parseInt).map(i -> i + 1).orElse(0);
        int to = Math.min(items.size(), from + request.limit());
        return new Page<>(items.subList(from, to), to < items.size() ? Optional.of(String.valueOf(to - 1)) : Optional.empty());
    }
}
