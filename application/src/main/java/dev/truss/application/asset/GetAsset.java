package dev.truss.application.asset;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.util.List;
import java.util.Optional;

/**
 * One video with what its analysis found besides clips (nothing until it is analysed): chapters,
 * the detector that ran, its notes, what its model calls cost. The transcript, which can be long,
 * is read on its own ({@link #transcript}).
 */
public final class GetAsset {

    /** The asset and its analysis; {@code analysis} is empty until the video is analysed. */
    public record AssetWithAnalysis(Asset asset, Optional<Analysis> analysis) {

        /** The analysis's chapters, in timeline order; none until the video is analysed. */
        public List<Chapter> chapters() {
            return analysis.map(Analysis::chapters).orElse(List.of());
        }
    }

    private final AssetStore assets;

    public GetAsset(AssetStore assets) {
        this.assets = assets;
    }

    /** Two reads: the asset, and its analysis. */
    public Outcome<AssetWithAnalysis> execute(CreatorId creator, AssetId id) {
        return assets.find(creator, id)
                .map(asset -> Outcome.ok(new AssetWithAnalysis(asset, assets.findAnalysis(creator, id))))
                .orElseGet(() -> Outcome.notFound("no asset " + id));
    }

    /** The video's timed transcript: empty until it is analysed, and when the detector could not hear. */
    public Outcome<Transcript> transcript(CreatorId creator, AssetId id) {
        return assets.find(creator, id).isPresent() ? Outcome.ok(assets.findTranscript(creator, id))
                : Outcome.notFound("no asset " + id);
    }
}
