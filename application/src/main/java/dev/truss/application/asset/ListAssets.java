package dev.truss.application.asset;

import dev.truss.application.common.CursorPage;
import dev.truss.application.common.PageCursors;
import dev.truss.application.common.PageQuery;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.id.CreatorId;

/** A creator's videos, newest first, one page at a time. */
public final class ListAssets {

    private final AssetStore assets;
    private final PageCursors cursors;

    public ListAssets(AssetStore assets, PageCursors cursors) {
        this.assets = assets;
        this.cursors = cursors;
    }

    public CursorPage<Asset> execute(CreatorId creator, PageQuery query) {
        return cursors.page(query, creator, "assets", page -> assets.listNewestFirst(creator, page));
    }
}
