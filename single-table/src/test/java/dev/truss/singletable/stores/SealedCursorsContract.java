package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.TrussCore;
import dev.truss.application.asset.ListAssets;
import dev.truss.application.clip.ListClips;
import dev.truss.application.common.CursorPage;
import dev.truss.application.common.PageCursors;
import dev.truss.application.common.PageQuery;
import dev.truss.application.contract.Fixtures;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import dev.truss.singletable.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Page cursors over the real stores: the next cursor continues the listing, and a forged,
 * altered, another creator's or another list's cursor is rejected with a clear error.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SealedCursorsContract {

    protected abstract Table emptyTable();

    private final CreatorId creator = Fixtures.creatorId();
    private final CreatorId someoneElse = Fixtures.creatorId();
    private final PageCursors cursors = new PageCursors("a secret of thirty-two bytes, at least".getBytes(StandardCharsets.UTF_8));
    private ListClips listClips;
    private ListAssets listAssets;
    private final List<Clip> clips = new ArrayList<>();

    @BeforeEach
    void clips() {
        TrussCore.Stores stores = SingleTableStores.on(emptyTable(), 2);
        listClips = new ListClips(stores.clips(), cursors);
        listAssets = new ListAssets(stores.assets(), cursors);
        AssetId asset = Fixtures.assetId();
        for (int i = 0; i < 5; i++) {
            clips.add(Fixtures.clip(creator, asset, new TimeRange(0, 10_000), 10 * i));
            clips.add(Fixtures.clip(someoneElse, asset, new TimeRange(0, 10_000), 10 * i));
        }
        stores.clips().createAll(clips);
    }

    private String nextCursor(CreatorId owner) {
        return listClips.newestFirst(owner, PageQuery.first(2)).nextCursor().orElseThrow();
    }

    @Test
    void the_next_cursor_continues_where_the_page_ended() {
        CursorPage<Clip> second = listClips.newestFirst(creator, new PageQuery(2, Optional.of(nextCursor(creator))));

        assertThat(second.items()).containsExactly(clips.get(4), clips.get(2));
    }

    @Test
    void a_forged_cursor_is_rejected() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("CLIP#0".getBytes(StandardCharsets.UTF_8))
                + ".AAAA";

        assertRejected(() -> listClips.newestFirst(creator, new PageQuery(2, Optional.of(forged))));
    }

    @Test
    void an_altered_cursor_is_rejected() {
        String cursor = nextCursor(creator);
        char flipped = cursor.charAt(3) == 'A' ? 'B' : 'A';
        String altered = cursor.substring(0, 3) + flipped + cursor.substring(4);

        assertRejected(() -> listClips.newestFirst(creator, new PageQuery(2, Optional.of(altered))));
    }

    @Test
    void another_creators_cursor_is_rejected() {
        String theirs = nextCursor(someoneElse);

        assertRejected(() -> listClips.newestFirst(creator, new PageQuery(2, Optional.of(theirs))));
    }

    @Test
    void a_cursor_of_another_list_is_rejected() {
        String newestFirst = nextCursor(creator);

        assertRejected(() -> listClips.topByScore(creator, new PageQuery(2, Optional.of(newestFirst))));
        assertRejected(() -> listAssets.execute(creator, new PageQuery(2, Optional.of(newestFirst))));
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable listing) {
        assertThatThrownBy(listing)
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cursor is not valid");
    }
}
