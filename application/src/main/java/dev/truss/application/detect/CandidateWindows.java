package dev.truss.application.detect;

import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.ViralityScorer;
import dev.truss.domain.virality.ViralityWeights;
import dev.truss.domain.virality.WindowSignals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * Slides windows of several lengths over a video and keeps the most promising few of each
 * stretch of it, so the proposals stay few (scoring them stays cheap even for a 3-hour video)
 * yet spread over the whole video (so the selector can find several clips that do not overlap).
 *
 * <p>Lengths are the ladder 15, 20, 30, 45, 60, 90, 120, 180 s cut to the policy's bounds, plus
 * the bounds themselves; each slides by a tenth of its length, 1–5 s, and once more to end with
 * the video. A window's promise is the score its measured signals would get ({@link ViralityScorer#value}), plus
 * {@value #CLEAN_EDGE_BONUS} points for each boundary that can be cut cleanly ({@link CleanEdges}).
 * The video is split into at most {@value #MAX_PROPOSALS} regions of at least 30 s; each keeps
 * its most promising windows (by start), as many as the budget of {@value #MAX_PROPOSALS}
 * allows. Ties go to the earlier, then the shorter window, so the result is deterministic.
 *
 * <p>Last, a kept window is dropped when it overlaps another kept window that scores at least
 * as well and has more clean boundaries: the selector breaks ties by the earlier start, so
 * otherwise a window starting mid-word could beat its equal that starts after a pause.
 */
final class CandidateWindows {

    static final int MAX_PROPOSALS = 200;
    static final int CLEAN_EDGE_BONUS = 5;
    static final long MIN_REGION_MS = 30_000;
    private static final long[] LADDER_MS = {15_000, 20_000, 30_000, 45_000, 60_000, 90_000, 120_000, 180_000};

    /** A measured window, its score, and how many of its boundaries can be cut cleanly (0–2). */
    record Window(TimeRange range, WindowSignals signals, int score, int cleanEdges) {

        int promise() {
            return score + CLEAN_EDGE_BONUS * cleanEdges;
        }

        boolean isOutdoneBy(Window other) {
            return other.range.overlaps(range) && other.score >= score && other.cleanEdges > cleanEdges;
        }
    }

    /** What was kept, out of how many windows measured, and the region length that spread them. */
    record Kept(List<Window> windows, int measured, long regionMs) {
    }

    private static final Comparator<Window> MOST_PROMISING = Comparator
            .comparingInt(Window::promise).reversed()
            .thenComparingLong(window -> window.range().startMs())
            .thenComparingLong(window -> window.range().endMs());

    private CandidateWindows() {
    }

    static List<Long> lengthsMs(SelectionPolicy policy) {
        TreeSet<Long> lengths = new TreeSet<>(List.of(policy.minLengthMs(), policy.maxLengthMs()));
        for (long length : LADDER_MS) {
            if (policy.allowsLength(length)) {
                lengths.add(length);
            }
        }
        return List.copyOf(lengths);
    }

    static long strideMs(long lengthMs) {
        return Math.max(1_000, Math.min(5_000, lengthMs / 10));
    }

    /** Reports 0–100 once per window length; keeps nothing when the video is shorter than every length. */
    static Kept keep(EngagementTimeline timeline, SelectionPolicy policy, ViralityWeights weights,
                     IntConsumer percentDone) {
        long duration = timeline.durationMs();
        CleanEdges edges = new CleanEdges(timeline, policy.snapToleranceMs());
        WindowMeter meter = new WindowMeter(timeline);
        ViralityScorer score = new ViralityScorer(weights);
        List<Long> lengths = lengthsMs(policy);
        List<Window> measured = new ArrayList<>();
        for (int i = 0; i < lengths.size(); i++) {
            for (TimeRange range : slide(lengths.get(i), duration)) {
                WindowSignals signals = meter.measure(range);
                measured.add(new Window(range, signals, score.value(signals), edges.count(range)));
            }
            percentDone.accept((i + 1) * 100 / lengths.size());
        }
        long regionMs = Math.max(MIN_REGION_MS, (duration + MAX_PROPOSALS - 1) / MAX_PROPOSALS);
        int regions = (int) ((duration + regionMs - 1) / regionMs);
        int perRegion = Math.max(1, MAX_PROPOSALS / regions);
        Map<Long, List<Window>> byRegion = new TreeMap<>();
        for (Window window : measured) {
            byRegion.computeIfAbsent(window.range().startMs() / regionMs, region -> new ArrayList<>()).add(window);
        }
        List<Window> kept = new ArrayList<>();
        for (List<Window> region : byRegion.values()) {
            region.stream().sorted(MOST_PROMISING).limit(perRegion).forEach(kept::add);
        }
        List<Window> clean = kept.stream()
                .filter(window -> kept.stream().noneMatch(window::isOutdoneBy))
                .sorted(Comparator.comparingLong((Window window) -> window.range().startMs())
                        .thenComparingLong(window -> window.range().endMs()))
                .toList();
        return new Kept(clean, measured.size(), regionMs);
    }

    private static List<TimeRange> slide(long lengthMs, long durationMs) {
        List<TimeRange> ranges = new ArrayList<>();
        long stride = strideMs(lengthMs);
        long start = 0;
        for (; start + lengthMs <= durationMs; start += stride) {
            ranges.add(new TimeRange(start, start + lengthMs));
        }
        long last = durationMs - lengthMs;
        if (last >= 0 && last != start - stride) { // end with the video too, where the stride did not land
            ranges.add(new TimeRange(last, durationMs));
        }
        return ranges;
    }
}
