package dev.truss.application.detect;

import dev.truss.domain.asset.Chapter;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Splits a video into chapters at its structure: where sound resumes after a long silence (a
 * pause between topics), or at a scene cut where the editing pace changes (a new segment).
 *
 * <p>Boundaries are the ends of silences of at least 1 s, strength 1–2 growing with the silence
 * up to 10 s, and scene cuts, strength the cut's score times how much the pace changes: the
 * difference between the cuts in the 30 s after and before it, over their sum (a lone cut in a
 * still stretch counts fully). The strongest go first (ties: the earlier), each kept when it lies
 * at least the minimum chapter length from the video's ends and from every boundary kept,
 * until the video has about {@value #PER_HOUR} chapters an hour (at least one). The minimum
 * length is 30 s, or half the average chapter length when that is longer, so a long video's
 * chapters do not crowd around its longest pauses. Without boundaries the video is one chapter.
 *
 * <p>Chapters are titled "Part 2 (03:10–07:45)", cover the video from start to end in order,
 * and their summary says where each starts.
 */
final class SignalChapters {

    static final int PER_HOUR = 12;
    static final long MIN_CHAPTER_MS = 30_000;
    static final long LONG_SILENCE_MS = 1_000;
    private static final long SILENCE_FULL_MS = 10_000;
    private static final long PACE_SPAN_MS = 30_000;

    private record Boundary(long atMs, double strength, String summary) {
    }

    private SignalChapters() {
    }

    static int maxChapters(long durationMs) {
        return (int) Math.max(1, Math.round(durationMs * PER_HOUR / 3_600_000.0));
    }

    static long minChapterMs(long durationMs) {
        return Math.max(MIN_CHAPTER_MS, durationMs / maxChapters(durationMs) / 2);
    }

    static List<Chapter> of(EngagementTimeline timeline) {
        long duration = timeline.durationMs();
        long minLength = minChapterMs(duration);
        List<Boundary> kept = new ArrayList<>();
        for (Boundary boundary : candidates(timeline)) {
            if (kept.size() == maxChapters(duration) - 1) {
                break;
            }
            boolean roomy = boundary.atMs() >= minLength && duration - boundary.atMs() >= minLength
                    && kept.stream().allMatch(other -> Math.abs(other.atMs() - boundary.atMs()) >= minLength);
            if (roomy) {
                kept.add(boundary);
            }
        }
        kept.sort(Comparator.comparingLong(Boundary::atMs));
        kept.add(0, new Boundary(0, 0, "From the start of the video."));
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            long start = kept.get(i).atMs();
            long end = i + 1 < kept.size() ? kept.get(i + 1).atMs() : duration;
            String title = "Part " + (i + 1) + " (" + Timecode.of(start) + "–" + Timecode.of(end) + ")";
            chapters.add(new Chapter(new TimeRange(start, end), title, kept.get(i).summary()));
        }
        return chapters;
    }

    /** Strongest first, ties to the earlier. */
    private static List<Boundary> candidates(EngagementTimeline timeline) {
        List<Boundary> candidates = new ArrayList<>();
        for (TimeRange silence : timeline.silences()) {
            if (silence.durationMs() >= LONG_SILENCE_MS) {
                double strength = 1 + Math.min(silence.durationMs(), SILENCE_FULL_MS) / (double) SILENCE_FULL_MS;
                candidates.add(new Boundary(silence.endMs(), strength, String.format(Locale.ROOT,
                        "Starts where sound resumes after a %.1f s silence.", silence.durationMs() / 1000.0)));
            }
        }
        long[] cutsMs = timeline.sceneCuts().stream().mapToLong(SceneCut::atMs).toArray();
        for (SceneCut cut : timeline.sceneCuts()) {
            int at = CleanEdges.firstAtOrAfter(cutsMs, cut.atMs());
            int before = at - CleanEdges.firstAtOrAfter(cutsMs, cut.atMs() - PACE_SPAN_MS);
            int after = CleanEdges.firstAtOrAfter(cutsMs, cut.atMs() + PACE_SPAN_MS) - at;
            double paceChange = Math.abs(after - before) / (double) (after + before);
            if (paceChange > 0 && cut.score() > 0) {
                candidates.add(new Boundary(cut.atMs(), cut.score() * paceChange, String.format(Locale.ROOT,
                        "Starts at a scene cut where the editing pace changes (%d cuts in the 30 s before, %d after).",
                        before, after)));
            }
        }
        candidates.sort(Comparator.comparingDouble(Boundary::strength).reversed().thenComparingLong(Boundary::atMs));
        return candidates;
    }
}
