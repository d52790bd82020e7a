package dev.truss.application.asset;

import dev.truss.application.common.DailyCounters;
import dev.truss.application.common.ReadModifyWrite;
import dev.truss.application.detect.MomentRanking;
import dev.truss.application.job.JobHandler;
import dev.truss.application.job.JobProgress;
import dev.truss.application.job.PermanentJobFailure;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.SignalExtractor;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.AssetState;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.Ulid;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.ViralityScorer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Analyses an uploaded video in the background: measures its signals, has the detector the
 * creator chose propose moments and chapters, ranks the moments ({@link MomentRanking}: scored by
 * the domain's scorer, the best that do not overlap selected, boundaries snapped to silences and
 * cuts), and stores them as clips, and the rest of the detection as the asset's {@link Analysis}
 * (chapters, detector, notes, model usage) and {@link Transcript}. The detector's notes go on the
 * job too, so its pollers see a fallback or a repair.
 * Clip ids are derived from the job, so a retried analysis writes the same clips again rather
 * than duplicates.
 */
public final class AnalyseAssetJob implements JobHandler {

    private final AssetStore assets;
    private final ClipStore clips;
    private final ObjectStorage storage;
    private final SignalExtractor signals;
    private final MomentDetector detector;
    private final AnalyticsStore analytics;
    private final ViralityScorer scorer;
    private final SelectionPolicy policy;
    private final Clock clock;

    public AnalyseAssetJob(AssetStore assets, ClipStore clips, ObjectStorage storage, SignalExtractor signals,
                           MomentDetector detector, AnalyticsStore analytics, ViralityScorer scorer,
                           SelectionPolicy policy, Clock clock) {
        this.assets = assets;
        this.clips = clips;
        this.storage = storage;
        this.signals = signals;
        this.detector = detector;
        this.analytics = analytics;
        this.scorer = scorer;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.ANALYSE_ASSET;
    }

    @Override
    public void run(Job job, JobProgress progress) throws Exception {
        AnalysisSubject subject = AnalysisSubject.parse(job.subject());
        Asset asset = assets.find(job.creatorId(), subject.asset())
                .orElseThrow(() -> new PermanentJobFailure("the video was deleted"));
        if (asset.state() == AssetState.ANALYSED) {
            // finished by an earlier attempt of this job, or by another analysis of the video (another
            // choice of detector): say so, with the notes of the analysis the video has
            progress.note("the video was analysed already; this run changed nothing");
            assets.findAnalysis(asset.creatorId(), asset.id()).ifPresent(stored -> stored.notes().forEach(progress::note));
            return;
        }
        if (asset.video().isEmpty()) {
            throw new PermanentJobFailure("the video was never uploaded completely");
        }
        if (asset.state() != AssetState.ANALYSING) {
            asset = change(asset, current -> current.analysing(clock.instant()));
        }
        URI source = storage.presignDownload(asset.objectKey(), Duration.ofHours(6));
        progress.report("measuring signals", 5);
        EngagementTimeline timeline = signals.extract(source, asset.video().get(),
                percent -> progress.report("measuring signals", 5 + percent * 45 / 100));
        progress.report("finding moments", 50);
        MomentDetector.Detection detection = detector.detect(
                new MomentDetector.Request(source, asset.video().get(), timeline, subject.choice()),
                percent -> progress.report("finding moments", 50 + percent * 35 / 100));
        progress.report("scoring", 85);
        List<Clip> found = clips(job, asset, timeline, detection);
        clips.createAll(found);
        List<String> notes = new ArrayList<>(detection.notes());
        Transcript transcript = transcript(detection, notes);
        List<Chapter> chapters = Analysis.chaptersThatFit(detection.chapters());
        if (chapters.size() < detection.chapters().size()) {
            notes.add("the analysis found " + detection.chapters().size() + " chapters; the first " + chapters.size()
                    + " were kept (an asset keeps " + Analysis.MAX_CHAPTER_BYTES / 1024 + " KB of chapter text)");
        }
        Analysis analysis = Analysis.of(asset.creatorId(), asset.id(), detection.detector(), chapters,
                notes, detection.usage().map(AnalyseAssetJob::usage), transcript);
        assets.saveAnalysis(analysis, transcript); // before the asset reads as analysed, as its clips are
        analysis.notes().forEach(progress::note);
        AtomicBoolean finishedHere = new AtomicBoolean();
        change(asset, current -> {
            finishedHere.set(current.state() != AssetState.ANALYSED); // another run may have finished it
            return finishedHere.get() ? current.analysed(clock.instant()) : current;
        });
        if (finishedHere.get()) { // counted once, by the run that finished it
            DailyCounters.add(analytics, clock, asset.creatorId(), Metric.ASSETS_ANALYSED, 1);
            DailyCounters.add(analytics, clock, asset.creatorId(), Metric.CLIPS_CREATED, found.size());
        }
    }

    @Override
    public void gaveUp(Job job, String error) {
        assets.find(job.creatorId(), AnalysisSubject.parse(job.subject()).asset())
                .filter(asset -> asset.state().canMoveTo(AssetState.FAILED))
                .ifPresent(asset -> change(asset, current -> current.state().canMoveTo(AssetState.FAILED)
                        ? current.failed(error, clock.instant()) : current));
    }

    /** The detection's transcript, its first {@value Transcript#MAX_SEGMENTS} segments if it is longer (noted). */
    private static Transcript transcript(MomentDetector.Detection detection, List<String> notes) {
        List<TranscriptSegment> segments = detection.transcript();
        if (segments.size() > Transcript.MAX_SEGMENTS) {
            notes.add("the transcript had " + segments.size() + " segments; the first " + Transcript.MAX_SEGMENTS
                    + " were kept");
        }
        return Transcript.firstOf(segments);
    }

    private static Analysis.Usage usage(MomentDetector.ModelUsage usage) {
        return new Analysis.Usage(usage.model(), usage.inputTokens(), usage.outputTokens(), usage.requests());
    }

    private List<Clip> clips(Job job, Asset asset, EngagementTimeline timeline, MomentDetector.Detection detection) {
        List<MomentRanking.Pick> picks = MomentRanking.rank(timeline, detection, scorer, policy);
        List<Clip> result = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            MomentRanking.Pick pick = picks.get(i);
            ClipId id = new ClipId(Ulid.derived(job.createdAt().toEpochMilli(), job.id() + ":clip:" + i));
            result.add(new Clip(id, asset.creatorId(), asset.id(), pick.range(), pick.title(), pick.hookLine(),
                    pick.caption(), pick.score(), Layout.CENTER_CROP, new RenderState.NotRendered(),
                    clock.instant(), 0));
        }
        return result;
    }

    private Asset change(Asset asset, java.util.function.UnaryOperator<Asset> change) {
        Optional<Asset> changed = ReadModifyWrite.apply(() -> assets.find(asset.creatorId(), asset.id()), change,
                assets::update);
        return changed.orElseThrow(() -> new IllegalStateException("the video was deleted during its analysis"));
    }
}
