package dev.truss.application.asset;

import dev.truss.application.common.DailyCounters;
import dev.truss.application.common.Outcome;
import dev.truss.application.job.SubmitJob;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.media.DetectorChoice;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.AssetState;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Called once the client has PUT the video: checks that the bytes arrived, probes them, rejects
 * what is not a usable video (the asset is marked failed with the reason), and queues the
 * analysis. Calling it again for the same asset queues nothing new.
 */
public final class CompleteUpload {

    /** The asset as it now stands, and its analysis job (absent when the asset is already past that point). */
    public record Accepted(Asset asset, Optional<Job> analysis) {
    }

    private final AssetStore assets;
    private final ObjectStorage storage;
    private final MediaProbe probe;
    private final AnalyseAsset analysis;
    private final AnalyticsStore analytics;
    private final Clock clock;
    private final UploadPolicy policy;

    public CompleteUpload(AssetStore assets, ObjectStorage storage, MediaProbe probe, SubmitJob jobs,
                          AnalyticsStore analytics, Clock clock, UploadPolicy policy) {
        this.assets = assets;
        this.storage = storage;
        this.probe = probe;
        this.analysis = new AnalyseAsset(assets, jobs);
        this.analytics = analytics;
        this.clock = clock;
        this.policy = policy;
    }

    /** Queues the analysis with the configured default detector. */
    public Outcome<Accepted> execute(CreatorId creator, AssetId assetId) {
        return execute(creator, assetId, DetectorChoice.AUTO);
    }

    /** Queues the analysis with the detector the creator chose. */
    public Outcome<Accepted> execute(CreatorId creator, AssetId assetId, DetectorChoice detector) {
        Objects.requireNonNull(detector, "detector");
        Optional<Asset> found = assets.find(creator, assetId);
        if (found.isEmpty()) {
            return Outcome.notFound("no asset " + assetId);
        }
        Asset asset = found.get();
        if (asset.state() == AssetState.FAILED) {
            return Outcome.rejected("this upload was rejected: " + asset.failureReason().orElse(""));
        }
        if (asset.state() != AssetState.AWAITING_UPLOAD && asset.state() != AssetState.UPLOADED) {
            return Outcome.ok(new Accepted(asset, Optional.empty()));
        }
        Outcome<Asset> uploaded = asset.state() == AssetState.AWAITING_UPLOAD ? probe(asset) : Outcome.ok(asset);
        return uploaded.flatMap(ready -> analysis.submit(ready, detector)
                .map(job -> new Accepted(ready, Optional.of(job))));
    }

    private Outcome<Asset> probe(Asset asset) {
        Optional<ObjectStorage.StoredObject> stored = storage.describe(asset.objectKey());
        if (stored.isEmpty()) {
            return Outcome.rejected("the video has not arrived yet: PUT the file to the upload URL first");
        }
        if (stored.get().sizeBytes() != asset.sizeBytes()) {
            return Outcome.rejected("the uploaded file has " + stored.get().sizeBytes() + " bytes, but "
                    + asset.sizeBytes() + " were announced");
        }
        MediaProbe.Result result = probe.probe(storage.presignDownload(asset.objectKey(), Duration.ofMinutes(30)));
        Optional<String> problem = result instanceof MediaProbe.Playable playable
                ? tooBig(playable.video()) : Optional.of(((MediaProbe.NotPlayable) result).reason());
        Asset changed = problem.isPresent()
                ? asset.failed(problem.get(), clock.instant())
                : asset.uploaded(((MediaProbe.Playable) result).video(), clock.instant());
        WriteResult<Asset> saved = assets.update(changed);
        if (problem.isPresent() && saved instanceof WriteResult.Written<Asset>) {
            return Outcome.rejected("this file cannot be used: " + problem.get());
        }
        if (saved instanceof WriteResult.Written<Asset>) {
            DailyCounters.add(analytics, clock, asset.creatorId(), Metric.ASSETS_UPLOADED, 1);
        }
        return Outcome.of(saved, "the asset");
    }

    private Optional<String> tooBig(VideoProperties video) {
        if (video.durationMs() > policy.maxDuration().toMillis()) {
            return Optional.of("the video lasts " + video.durationMs() / 60_000 + " min; Truss takes up to "
                    + policy.maxDuration().toMinutes() + " min");
        }
        return Optional.empty();
    }
}
