package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.Fixtures;
import dev.truss.application.contract.Pages;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.Page;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.singletable.InMemoryTable;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Spreading clips over shards changes where they live, never what a listing returns. */
class ShardedClipsProperties {

    @Property(tries = 150)
    void the_sharded_listing_pages_through_the_unsharded_order(
            @ForAll @IntRange(min = 0, max = 40) int clipCount,
            @ForAll @IntRange(min = 2, max = 8) int shards,
            @ForAll @IntRange(min = 1, max = 12) int limit,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 39) Integer> deleted) {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < clipCount; i++) {
            clips.add(Fixtures.clip(creator, asset));
        }
        ClipStore sharded = SingleTableStores.on(new InMemoryTable(), shards).clips();
        ClipStore unsharded = SingleTableStores.on(new InMemoryTable(), 1).clips();
        sharded.createAll(clips);
        unsharded.createAll(clips);
        List<Clip> kept = new ArrayList<>(clips);
        for (int index : deleted) {
            if (index < clips.size()) {
                sharded.delete(creator, clips.get(index).id());
                unsharded.delete(creator, clips.get(index).id());
                kept.remove(clips.get(index));
            }
        }

        List<Page<Clip>> shardedPages = Pages.all(page -> sharded.listNewestFirst(creator, page), limit);
        List<Page<Clip>> unshardedPages = Pages.all(page -> unsharded.listNewestFirst(creator, page), limit);

        assertThat(Pages.items(shardedPages)).containsExactlyElementsOf(Pages.items(unshardedPages));
        assertThat(Pages.sizes(shardedPages)).containsExactlyElementsOf(Pages.sizes(unshardedPages));
        assertThat(Pages.items(shardedPages)).containsExactlyElementsOf(Pages.reversed(kept));
    }

    @Property(tries = 50)
    void clips_added_while_paging_never_repeat_or_hide_an_older_clip(
            @ForAll @IntRange(min = 1, max = 30) int clipCount,
            @ForAll @IntRange(min = 2, max = 6) int shards,
            @ForAll @IntRange(min = 1, max = 7) int limit) {
        CreatorId creator = Fixtures.creatorId();
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < clipCount; i++) {
            clips.add(Fixtures.clip(creator, Fixtures.assetId()));
        }
        ClipStore store = SingleTableStores.on(new InMemoryTable(), shards).clips();
        store.createAll(clips);

        List<Page<Clip>> pages = Pages.all(page -> {
            store.createAll(List.of(Fixtures.clip(creator, Fixtures.assetId()))); // newer than every position
            return store.listNewestFirst(creator, page);
        }, limit);

        List<Clip> listed = Pages.items(pages);
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed.subList(listed.size() - clipCount, listed.size()))
                .containsExactlyElementsOf(Pages.reversed(clips));
    }
}
