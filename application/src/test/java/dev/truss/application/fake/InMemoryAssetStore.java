package dev.truss.application.fake;

import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Assets in memory, per creator, keyed by id text (which sorts by creation time), with their analyses and transcripts. */
public final class InMemoryAssetStore implements AssetStore {

    private final Map<CreatorId, NavigableMap<String, Asset>> assets = new HashMap<>();
    private final Map<CreatorId, Map<AssetId, Analysis>> analyses = new HashMap<>();
    private final Map<CreatorId, Map<AssetId, Transcript>> transcripts = new HashMap<>();

    @Override
    public synchronized WriteResult<Asset> create(Asset asset) {
        return Rows.create(assetsOf(asset.creatorId()), asset.id().value(), asset);
    }

    @Override
    public synchronized Optional<Asset> find(CreatorId creator, AssetId asset) {
        return Optional.ofNullable(assetsOf(creator).get(asset.value()));
    }

    @Override
    public synchronized Page<Asset> listNewestFirst(CreatorId creator, PageRequest page) {
        return Rows.page(assetsOf(creator).descendingMap(), page);
    }

    @Override
    public synchronized WriteResult<Asset> update(Asset asset) {
        return Rows.update(assetsOf(asset.creatorId()), asset.id().value(), asset);
    }

    @Override
    public synchronized void saveAnalysis(Analysis analysis, Transcript transcript) {
        if (transcript.size() != analysis.transcriptSegments()) {
            throw new IllegalArgumentException("the analysis says " + analysis.transcriptSegments()
                    + " transcript segments, but the transcript has " + transcript.size());
        }
        analyses.computeIfAbsent(analysis.creatorId(), any -> new HashMap<>()).put(analysis.assetId(), analysis);
        transcripts.computeIfAbsent(analysis.creatorId(), any -> new HashMap<>()).put(analysis.assetId(), transcript);
    }

    @Override
    public synchronized Optional<Analysis> findAnalysis(CreatorId creator, AssetId asset) {
        return Optional.ofNullable(analyses.getOrDefault(creator, Map.of()).get(asset));
    }

    @Override
    public synchronized Transcript findTranscript(CreatorId creator, AssetId asset) {
        return transcripts.getOrDefault(creator, Map.of()).getOrDefault(asset, Transcript.EMPTY);
    }

    private NavigableMap<String, Asset> assetsOf(CreatorId creator) {
        return assets.computeIfAbsent(creator, any -> new TreeMap<>());
    }
}
