package dev.truss.application.detect;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.SignalExtractor;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.ViralityScore;
import dev.truss.domain.virality.ViralityScorer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one video file into its best clips on disk, with nothing stored: the {@code truss clip}
 * command. Probes the file, measures its signals, has the detector propose moments, ranks them
 * ({@link MomentRanking}) with the command's policy, and renders the best {@code count} side by
 * side ({@link ClipRenders}) as {@code clip-01.mp4} / {@code clip-01.jpg}, {@code clip-02.mp4}…
 * in rank order in the output directory (replacing files of those names). What the detector
 * heard said during a clip (its timed transcript: an AI detector's; the local one hears nothing)
 * is burned in as captions, as when a stored clip is rendered.
 *
 * <p>A file that is not a playable video is {@link Outcome.Rejected} with the probe's reason.
 * Media failures are not the user's to fix by changing the request, so they are not outcomes:
 * the probe's, extractor's, detector's or renderer's {@link MediaException} propagates with the
 * tool's message. A failed render stops the run: clips not yet started are not rendered and
 * the ones rendering are interrupted. Every clip is either whole in the output directory or
 * absent, and the failed one is absent; clips finished before the failure stay.
 */
public final class ClipVideo {

    public static final int MAX_CLIPS = 50;

    public record Command(URI source, int count, SelectionPolicy policy, Layout layout, ClipRenderer.Quality quality,
                          Path outputDirectory) {
        public Command {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(quality, "quality");
            Objects.requireNonNull(outputDirectory, "output directory");
            if (count < 1 || count > MAX_CLIPS) {
                throw new IllegalArgumentException("ask for 1 to " + MAX_CLIPS + " clips, not " + count);
            }
        }
    }

    /** One clip on disk; {@code rank} 1 is the best. */
    public record RenderedClip(int rank, TimeRange range, String title, String hookLine, String caption,
                               ViralityScore score, Path video, Path thumbnail, String framing) {
    }

    /** What was made, best first, with the video's chapters and the notes of the detector and of this run. */
    public record Report(VideoProperties video, List<RenderedClip> clips, List<Chapter> chapters, List<String> notes) {
        public Report {
            clips = List.copyOf(clips);
            chapters = List.copyOf(chapters);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Where the run is. {@code stage} is e.g. "probing", "measuring signals", "finding moments",
     * "rendering 2/5", "done"; {@code percent} is of the whole run, 0–100, and never goes back.
     * Calls never overlap, even while clips render on several threads.
     */
    public interface Progress {
        void report(String stage, int percent);
    }

    private final MediaProbe probe;
    private final SignalExtractor signals;
    private final MomentDetector detector;
    private final ClipRenderer renderer;
    private final ViralityScorer scorer;
    private final int renderThreads;

    public ClipVideo(MediaProbe probe, SignalExtractor signals, MomentDetector detector, ClipRenderer renderer,
                     ViralityScorer scorer, int renderThreads) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        if (renderThreads < 1) {
            throw new IllegalArgumentException("rendering needs at least 1 thread, got " + renderThreads);
        }
        this.renderThreads = renderThreads;
    }

    public Outcome<Report> execute(Command command, Progress progress) {
        RunProgress run = new RunProgress(Objects.requireNonNull(progress, "progress"));
        run.report("probing", 0);
        MediaProbe.Result probed = probe.probe(command.source());
        if (probed instanceof MediaProbe.NotPlayable notPlayable) {
            return Outcome.rejected(notPlayable.reason());
        }
        VideoProperties video = ((MediaProbe.Playable) probed).video();
        run.report("measuring signals", 2);
        EngagementTimeline timeline = signals.extract(command.source(), video,
                percent -> run.report("measuring signals", 2 + percent * 48 / 100));
        run.report("finding moments", 50);
        MomentDetector.Detection detection = detector.detect(
                new MomentDetector.Request(command.source(), video, timeline),
                percent -> run.report("finding moments", 50 + percent * 5 / 100));
        run.report("ranking", 55);
        SelectionPolicy policy = command.policy().withMaxClips(command.count());
        List<MomentRanking.Pick> picks = MomentRanking.rank(timeline, detection, scorer, policy);
        Transcript said = Transcript.firstOf(detection.transcript());
        List<RenderedClip> clips = new ClipRenders(renderer, renderThreads).render(command, video, picks, said,
                (stage, percent) -> run.report(stage, 55 + percent * 45 / 100));
        run.report("done", 100);
        return Outcome.ok(new Report(video, clips, detection.chapters(), notes(command, detection, clips.size())));
    }

    private static List<String> notes(Command command, MomentDetector.Detection detection, int made) {
        List<String> notes = new ArrayList<>(detection.notes());
        if (made < command.count()) {
            SelectionPolicy policy = command.policy();
            List<MomentDetector.Moment> proposed = detection.moments();
            boolean noneFits = proposed.stream().noneMatch(moment -> policy.allowsLength(moment.range().durationMs()));
            String why = proposed.isEmpty() ? "the detector proposed no moment"
                    : noneFits ? "none of the " + proposed.size() + " moments proposed lasts "
                            + seconds(policy.minLengthMs()) + "–" + seconds(policy.maxLengthMs())
                    : "the other moments proposed overlap the clips made or do not fit the clip lengths";
            notes.add(made + (made == 1 ? " clip" : " clips") + " made of the " + command.count() + " asked for: " + why);
        }
        return notes;
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Serialises reports from the render threads and keeps the percentage from going back. */
    private static final class RunProgress {
        private final Progress progress;
        private int percent;

        RunProgress(Progress progress) {
            this.progress = progress;
        }

        synchronized void report(String stage, int reported) {
            percent = Math.max(percent, Math.min(100, reported));
            progress.report(stage, percent);
        }
    }
}
