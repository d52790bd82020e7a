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
 * ({@link DetectorChoice#AUTO}, the configured default, unless they chose). There is at most one
 * analysis job per state of the video, so two analyses never write two sets of clips: asking
 * while one is queued gives that job (its subject says which detector it uses), asking while one
 * runs is refused, and two retries racing get the same job (the first one's choice).
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
        if (asset.get().state() == AssetState.ANALYSING) {
            return Outcome.conflict("this video's analysis is under way; follow its job, and ask again only if it"
                    + " fails");
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
        // The job id comes from the asset and its version, not the choice: a retry after a failure is
        // a new job, a double click is not, and neither is a second click with another detector.
        return Outcome.ok(jobs.submitAs(asset.creatorId(), JobKind.ANALYSE_ASSET, asset.id().value(),
                new AnalysisSubject(asset.id(), detector).text(), "v" + asset.version(), asset.updatedAt()));
    }
}
