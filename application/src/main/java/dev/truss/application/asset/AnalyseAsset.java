package dev.truss.application.asset;

import dev.truss.application.common.Outcome;
import dev.truss.application.job.SubmitJob;
import dev.truss.application.port.media.DetectorChoice;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.AssetState;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import java.util.Objects;
import java.util.Optional;

/**
 * Queues the analysis of an uploaded video (the upload's completion does this by itself; a
 * creator calls it again to retry a failed analysis), with the detector the creator chose
 * ({@link DetectorChoice#AUTO}, the configured default, unless they chose). Asking twice for the
 * same state of the asset and the same choice gives the same job; another choice is another job.
 */
public final class AnalyseAsset {

    private final AssetStore assets;
    private final SubmitJob jobs;

    public AnalyseAsset(AssetStore assets, SubmitJob jobs) {
        this.assets = assets;
        this.jobs = jobs;
    }

    /** With the configured default detector. */
    public Outcome<Job> execute(CreatorId creator, AssetId assetId) {
        return execute(creator, assetId, DetectorChoice.AUTO);
    }

    public Outcome<Job> execute(CreatorId creator, AssetId assetId, DetectorChoice detector) {
        Objects.requireNonNull(detector, "detector");
        Optional<Asset> asset = assets.find(creator, assetId);
        if (asset.isEmpty()) {
            return Outcome.notFound("no asset " + assetId);
        }
        return submit(asset.get(), detector);
    }

    Outcome<Job> submit(Asset asset, DetectorChoice detector) {
        if (asset.video().isEmpty()) {
            return Outcome.rejected(asset.state() == AssetState.FAILED
                    ? "this upload was rejected: " + asset.failureReason().orElse("")
                    : "the video has not been uploaded yet: PUT it, then complete the upload");
        }
        if (asset.state() == AssetState.ANALYSED) {
            return Outcome.rejected("this video is analysed already; its clips are listed with it");
        }
        // The job id comes from the subject (the asset and the choice) and the asset's version: a retry
        // after a failure is a new job, a double click is not.
        return Outcome.ok(jobs.submit(asset.creatorId(), JobKind.ANALYSE_ASSET,
                new AnalysisSubject(asset.id(), detector).text(), "v" + asset.version(), asset.updatedAt()));
    }
}
