package dev.truss.application.asset;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.Chapters;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.util.List;

/** One video with its chapters (none until it is analysed). */
public final class GetAsset {

    public record AssetWithChapters(Asset asset, List<Chapter> chapters) {
    }

    private final AssetStore assets;

    public GetAsset(AssetStore assets) {
        this.assets = assets;
    }

    public Outcome<AssetWithChapters> execute(CreatorId creator, AssetId id) {
        return assets.find(creator, id)
                .map(asset -> Outcome.ok(new AssetWithChapters(asset,
                        assets.findChapters(creator, id).map(Chapters::list).orElse(List.of()))))
                .orElseGet(() -> Outcome.notFound("no asset " + id));
    }
}
