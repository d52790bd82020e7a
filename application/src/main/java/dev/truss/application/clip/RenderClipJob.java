package dev.truss.application.clip;

import dev.truss.application.common.DailyCounters;
import dev.truss.application.common.ReadModifyWrite;
import dev.truss.application.job.JobHandler;
import dev.truss.application.job.JobProgress;
import dev.truss.application.job.PermanentJobFailure;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Renders a clip in the background and stores the MP4 and thumbnail next to the source. What is
 * said during the clip, from its video's transcript, is burned in as captions (a video without
 * transcript renders without).
 */
public final class RenderClipJob implements JobHandler {

    private final ClipStore clips;
    private final AssetStore assets;
    private final ObjectStorage storage;
    private final ClipRenderer renderer;
    private final AnalyticsStore analytics;
    private final Clock clock;

    public RenderClipJob(ClipStore clips, AssetStore assets, ObjectStorage storage, ClipRenderer renderer,
                         AnalyticsStore analytics, Clock clock) {
        this.clips = clips;
        this.assets = assets;
        this.storage = storage;
        this.renderer = renderer;
        this.analytics = analytics;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.RENDER_CLIP;
    }

    @Override
    public void run(Job job, JobProgress progress) throws Exception {
        Clip clip = clips.find(job.creatorId(), ClipId.parse(job.subject()))
                .orElseThrow(() -> new PermanentJobFailure("the clip was deleted"));
        Asset asset = assets.find(job.creatorId(), clip.assetId())
                .filter(a -> a.video().isPresent())
                .orElseThrow(() -> new PermanentJobFailure("the clip's video is gone"));
        List<ClipRenderer.CaptionCue> captions = captions(clip);
        Path workspace = Files.createTempDirectory("truss-render-");
        try {
            progress.report("rendering", 1);
            ClipRenderer.Rendered files = renderer.render(new ClipRenderer.Request(
                    storage.presignDownload(asset.objectKey(), Duration.ofHours(2)), asset.video().get(),
                    clip.range(), clip.layout(), captions, ClipRenderer.Quality.FULL, workspace),
                    percent -> progress.report("rendering", Math.min(90, percent * 9 / 10)));
            progress.report("storing", 90);
            String prefix = "creators/" + clip.creatorId() + "/clips/" + clip.id() + "/v" + clip.version();
            storage.upload(files.video(), prefix + ".mp4", "video/mp4");
            storage.upload(files.thumbnail(), prefix + ".jpg", "image/jpeg");
            markRendered(clip, prefix);
        } finally {
            deleteQuietly(workspace);
        }
    }

    @Override
    public void gaveUp(Job job, String error) {
        clips.find(job.creatorId(), ClipId.parse(job.subject()))
                .ifPresent(clip -> clips.update(clip.renderFailed(error, clock.instant())));
    }

    /**
     * A cue per transcript segment said during the clip, cut to the clip's range and, as the
     * renderer takes them, on the source's timeline.
     */
    private List<ClipRenderer.CaptionCue> captions(Clip clip) {
        return assets.findTranscript(clip.creatorId(), clip.assetId()).within(clip.range()).stream()
                .map(said -> new ClipRenderer.CaptionCue(said.range(), said.text()))
                .toList();
    }

    /** Marks the clip rendered unless it was edited meanwhile (then this render shows an old version). */
    private void markRendered(Clip rendered, String prefix) {
        Optional<Clip> marked = ReadModifyWrite.apply(
                () -> clips.find(rendered.creatorId(), rendered.id())
                        .filter(c -> c.range().equals(rendered.range()) && c.layout() == rendered.layout()),
                current -> current.rendered(prefix + ".mp4", prefix + ".jpg", clock.instant()), clips::update);
        if (marked.isPresent()) {
            DailyCounters.add(analytics, clock, rendered.creatorId(), Metric.CLIPS_RENDERED, 1);
        }
    }

    private static void deleteQuietly(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
