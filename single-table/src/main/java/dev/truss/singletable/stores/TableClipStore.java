package dev.truss.singletable.stores;

import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Index;
import dev.truss.singletable.Item;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.util.List;
import java.util.Optional;

/**
 * Clips at {@code CREATOR#<id>#CLIPS#<shard> / CLIP#<clipId>}, spread over a fixed number of
 * shards (see {@link ShardedClips}); each clip also carries its keys in two sparse indexes:
 * GSI1 for top by score and GSI2 for an asset's clips on its timeline, each one query.
 */
final class TableClipStore implements ClipStore {

    private final Items items;
    private final ShardedClips shards;

    TableClipStore(Items items, int shardCount) {
        this.items = items;
        this.shards = new ShardedClips(items.table(), shardCount);
    }

    /** One conditional put per clip: a retry after a crash skips the clips already stored. */
    @Override
    public void createAll(List<Clip> clips) {
        for (Clip clip : clips) {
            items.table().put(indexed(items.item(shards.key(clip.creatorId(), clip.id()), clip), clip), Expect.absent());
        }
    }

    @Override
    public Optional<Clip> find(CreatorId creator, ClipId clip) {
        return items.find(shards.key(creator, clip), Clip.class);
    }

    @Override
    public Page<Clip> listNewestFirst(CreatorId creator, PageRequest page) {
        return shards.newestFirst(creator, page).map(item -> items.entity(item, Clip.class));
    }

    @Override
    public List<Clip> listByAsset(CreatorId creator, AssetId asset) {
        Query timeline = Query.index(Index.GSI2, Keys.clipsOfAsset(creator, asset),
                SortKeyRange.beginsWith(Keys.TIMELINE_PREFIX), false, 100);
        return Paging.readAll(items.table(), timeline).stream().map(item -> items.entity(item, Clip.class)).toList();
    }

    @Override
    public Page<Clip> listTopByScore(CreatorId creator, PageRequest page) {
        Query top = Query.index(Index.GSI1, Keys.clipsByScore(creator), SortKeyRange.beginsWith(Keys.SCORE_PREFIX),
                true, 1);
        return Paging.page(items.table(), top, page, item -> items.entity(item, Clip.class));
    }

    @Override
    public WriteResult<Clip> update(Clip clip) {
        return items.update(shards.key(clip.creatorId(), clip.id()), clip, item -> indexed(item, clip));
    }

    @Override
    public WriteResult<Clip> delete(CreatorId creator, ClipId clip) {
        return items.delete(shards.key(creator, clip), Clip.class);
    }

    private static Item indexed(Item item, Clip clip) {
        return item
                .with(Index.GSI1.pkAttribute(), Keys.clipsByScore(clip.creatorId()))
                .with(Index.GSI1.skAttribute(), Keys.scoreKey(clip.score().value(), clip.id()))
                .with(Index.GSI2.pkAttribute(), Keys.clipsOfAsset(clip.creatorId(), clip.assetId()))
                .with(Index.GSI2.skAttribute(), Keys.timelineKey(clip.range().startMs(), clip.range().endMs(), clip.id()));
    }
}
