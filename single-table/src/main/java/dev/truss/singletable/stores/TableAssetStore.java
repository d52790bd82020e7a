package dev.truss.singletable.stores;

import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapters;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.util.Optional;

/** Assets at {@code CREATOR#<id> / ASSET#<assetId>}; their chapters apart, at {@code CHAPTERS#<assetId>}. */
final class TableAssetStore implements AssetStore {

    private final Items items;

    TableAssetStore(Items items) {
        this.items = items;
    }

    @Override
    public WriteResult<Asset> create(Asset asset) {
        return items.create(items.item(Keys.asset(asset.creatorId(), asset.id()), asset), asset, Asset.class);
    }

    @Override
    public Optional<Asset> find(CreatorId creator, AssetId asset) {
        return items.find(Keys.asset(creator, asset), Asset.class);
    }

    @Override
    public Page<Asset> listNewestFirst(CreatorId creator, PageRequest page) {
        Query newestFirst = Query.table(Keys.creator(creator), SortKeyRange.beginsWith(Keys.ASSET_PREFIX), true, 1);
        return Paging.page(items.table(), newestFirst, page, item -> items.entity(item, Asset.class));
    }

    @Override
    public WriteResult<Asset> update(Asset asset) {
        return items.update(Keys.asset(asset.creatorId(), asset.id()), asset);
    }

    @Override
    public void saveChapters(Chapters chapters) {
        items.table().put(items.item(Keys.chapters(chapters.creatorId(), chapters.assetId()), chapters), Expect.anything());
    }

    @Override
    public Optional<Chapters> findChapters(CreatorId creator, AssetId asset) {
        return items.find(Keys.chapters(creator, asset), Chapters.class);
    }
}
