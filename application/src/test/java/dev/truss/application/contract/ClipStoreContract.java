package dev.truss.application.contract;

import static dev.truss.application.contract.Writes.written;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link ClipStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ClipStoreContract {

    protected abstract ClipStore newStore();

    private ClipStore store;
    private final CreatorId creator = Fixtures.creatorId();
    private final AssetId asset = Fixtures.assetId();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    static List<Arguments> clipsInEveryRenderState() {
        return Fixtures.clipsInEveryRenderState(Fixtures.creatorId(), Fixtures.assetId()).stream()
                .map(clip -> Arguments.of(Named.of(clip.render().getClass().getSimpleName(), clip)))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clipsInEveryRenderState")
    void a_created_clip_is_found_with_every_field(Clip clip) {
        store.createAll(List.of(clip));

        assertThat(store.find(clip.creatorId(), clip.id())).contains(clip);
    }

    @Test
    void creating_clips_again_leaves_stored_ones_as_they_are_and_adds_the_new_ones() {
        Clip first = Fixtures.clip(creator, asset);
        store.createAll(List.of(first));
        Clip changedFirst = first.edited(first.range(), "Changed", "", "", first.layout());
        Clip second = Fixtures.clip(creator, asset);

        store.createAll(List.of(changedFirst, second));
        store.createAll(List.of(changedFirst, second));

        assertThat(store.find(creator, first.id())).contains(first);
        assertThat(store.listNewestFirst(creator, PageRequest.first(10)).items()).containsExactly(second, first);
    }

    @Test
    void an_update_stores_and_returns_the_next_version() {
        Clip clip = Fixtures.clip(creator, asset);
        store.createAll(List.of(clip));
        Clip queued = clip.renderQueued(Fixtures.jobId());

        Clip saved = written(store.update(queued));

        assertThat(saved).isEqualTo(queued.withVersion(clip.version() + 1));
        assertThat(store.find(creator, clip.id())).contains(saved);
    }

    @Test
    void an_update_from_a_stale_read_is_a_version_conflict_and_changes_nothing() {
        Clip clip = Fixtures.clip(creator, asset);
        store.createAll(List.of(clip));
        Clip current = written(store.update(clip.renderQueued(Fixtures.jobId())));

        assertThat(store.update(clip.renderFailed("stale", clip.createdAt())))
                .isInstanceOf(WriteResult.VersionConflict.class);
        assertThat(store.find(creator, clip.id())).contains(current);
    }

    @Test
    void updating_or_deleting_an_unknown_clip_is_missing() {
        Clip unknown = Fixtures.clip(creator, asset);

        assertThat(store.update(unknown)).isInstanceOf(WriteResult.Missing.class);
        assertThat(store.delete(creator, unknown.id())).isInstanceOf(WriteResult.Missing.class);
    }

    @Test
    void a_deleted_clip_is_returned_and_gone_from_every_listing() {
        Clip kept = Fixtures.clip(creator, asset);
        Clip deleted = Fixtures.clip(creator, asset, new TimeRange(60_000, 70_000), 99);
        store.createAll(List.of(kept, deleted));

        assertThat(written(store.delete(creator, deleted.id()))).isEqualTo(deleted);

        assertThat(store.find(creator, deleted.id())).isEmpty();
        assertThat(store.listNewestFirst(creator, PageRequest.first(10)).items()).containsExactly(kept);
        assertThat(store.listTopByScore(creator, PageRequest.first(10)).items()).containsExactly(kept);
        assertThat(store.listByAsset(creator, asset)).containsExactly(kept);
        assertThat(store.delete(creator, deleted.id())).isInstanceOf(WriteResult.Missing.class);
    }

    @Test
    void a_creator_never_sees_another_creators_clips() {
        Clip theirs = Fixtures.clip(creator, asset);
        store.createAll(List.of(theirs));
        CreatorId someoneElse = Fixtures.creatorId();

        assertThat(store.find(someoneElse, theirs.id())).isEmpty();
        assertThat(store.listNewestFirst(someoneElse, PageRequest.first(10)).items()).isEmpty();
        assertThat(store.listTopByScore(someoneElse, PageRequest.first(10)).items()).isEmpty();
        assertThat(store.listByAsset(someoneElse, asset)).isEmpty();
        assertThat(store.delete(someoneElse, theirs.id())).isInstanceOf(WriteResult.Missing.class);
        assertThat(store.find(creator, theirs.id())).contains(theirs);
    }

    @Test
    void paging_through_more_than_one_page_returns_every_clip_once_newest_first() {
        List<Clip> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(Fixtures.clip(creator, Fixtures.assetId()));
        }
        store.createAll(created);

        List<Page<Clip>> pages = Pages.all(page -> store.listNewestFirst(creator, page), 3);

        assertThat(Pages.sizes(pages)).containsExactly(3, 3, 1);
        assertThat(Pages.items(pages)).containsExactlyElementsOf(Pages.reversed(created));
    }

    @Test
    void the_clips_of_an_asset_come_in_timeline_order() {
        Clip late = Fixtures.clip(creator, asset, new TimeRange(90_000, 100_000), 50);
        Clip early = Fixtures.clip(creator, asset, new TimeRange(1_000, 20_000), 50);
        Clip middle = Fixtures.clip(creator, asset, new TimeRange(30_000, 45_000), 50);
        Clip otherAsset = Fixtures.clip(creator, Fixtures.assetId(), new TimeRange(0, 10_000), 50);
        store.createAll(List.of(late, early, otherAsset, middle));

        assertThat(store.listByAsset(creator, asset)).containsExactly(early, middle, late);
    }

    @Test
    void top_clips_come_highest_score_first_and_newest_first_among_equal_scores() {
        Clip olderFifty = scored(50);
        Clip olderNinety = scored(90);
        Clip seventy = scored(70);
        Clip newerNinety = scored(90);
        Clip newerFifty = scored(50);
        store.createAll(List.of(olderFifty, olderNinety, seventy, newerNinety, newerFifty));

        List<Page<Clip>> pages = Pages.all(page -> store.listTopByScore(creator, page), 2);

        assertThat(Pages.sizes(pages)).containsExactly(2, 2, 1);
        assertThat(Pages.items(pages)).containsExactly(newerNinety, olderNinety, seventy, newerFifty, olderFifty);
    }

    @Test
    void a_changed_score_moves_the_clip_in_the_top_listing() {
        Clip low = scored(10);
        Clip high = scored(80);
        store.createAll(List.of(low, high));
        Clip rescored = new Clip(low.id(), creator, asset, low.range(), low.title(), low.hookLine(), low.caption(),
                Fixtures.score(95), low.layout(), low.render(), low.createdAt(), low.version());

        Clip saved = written(store.update(rescored));

        assertThat(store.listTopByScore(creator, PageRequest.first(10)).items()).containsExactly(saved, high);
    }

    @Test
    void listing_no_clips_is_one_empty_page_without_next() {
        Page<Clip> empty = new Page<>(List.of(), Optional.empty());

        assertThat(store.listNewestFirst(creator, PageRequest.first(5))).isEqualTo(empty);
        assertThat(store.listTopByScore(creator, PageRequest.first(5))).isEqualTo(empty);
    }

    @Test
    void of_racing_updates_from_one_read_exactly_one_wins() throws Exception {
        Clip clip = Fixtures.clip(creator, asset);
        store.createAll(List.of(clip));

        List<WriteResult<Clip>> results = Concurrently.run(8,
                () -> store.update(clip.renderQueued(Fixtures.jobId())));

        assertThat(results).filteredOn(WriteResult.Written.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(WriteResult.VersionConflict.class::isInstance).hasSize(7);
    }

    private Clip scored(int score) {
        return Fixtures.clip(creator, asset, new TimeRange(0, 10_000), score);
    }
}
