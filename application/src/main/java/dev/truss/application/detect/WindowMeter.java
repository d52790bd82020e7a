package dev.truss.application.detect;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import dev.truss.domain.virality.WindowSignals;
import java.util.List;

/**
 * Summarises windows exactly as {@link EngagementTimeline#summarise} does, but finds the
 * silences and scene cuts of a window by binary search instead of scanning them all: sliding
 * tens of thousands of windows over a long video with thousands of cuts would otherwise take
 * seconds.
 */
final class WindowMeter {

    private final EngagementTimeline timeline;
    private final double medianDb;
    private final long[] cutsMs;
    private final long[] silenceEndsMs;
    private final List<TimeRange> silences;

    WindowMeter(EngagementTimeline timeline) {
        this.timeline = timeline;
        this.medianDb = timeline.medianLoudnessDb();
        this.cutsMs = timeline.sceneCuts().stream().mapToLong(SceneCut::atMs).toArray(); // sorted by the timeline
        this.silences = timeline.silences(); // sorted and merged, so their ends are sorted too
        this.silenceEndsMs = silences.stream().mapToLong(TimeRange::endMs).toArray();
    }

    WindowSignals measure(TimeRange window) {
        double peakDb = Double.NEGATIVE_INFINITY;
        double motionMsWeighted = 0;
        List<Double> loudness = timeline.loudnessPerSecondDb();
        List<Double> motion = timeline.motionPerSecond();
        for (int second = (int) (window.startMs() / 1000); second * 1000L < window.endMs(); second++) {
            long overlapMs = overlapMs(window, second * 1000L, Math.min((second + 1) * 1000L, timeline.durationMs()));
            peakDb = Math.max(peakDb, loudness.get(second));
            motionMsWeighted += motion.get(second) * overlapMs;
        }
        long silentMs = 0;
        for (int i = CleanEdges.firstAtOrAfter(silenceEndsMs, window.startMs() + 1); i < silences.size()
                && silences.get(i).startMs() < window.endMs(); i++) {
            silentMs += overlapMs(window, silences.get(i).startMs(), silences.get(i).endMs());
        }
        int cuts = CleanEdges.firstAtOrAfter(cutsMs, window.endMs())
                - CleanEdges.firstAtOrAfter(cutsMs, window.startMs());
        double duration = window.durationMs();
        return WindowSignals.ofMedia(window.durationMs(), peakDb - medianDb, clampUnit(1 - silentMs / duration),
                cuts, clampUnit(motionMsWeighted / duration));
    }

    private static long overlapMs(TimeRange window, long startMs, long endMs) {
        return Math.max(0, Math.min(window.endMs(), endMs) - Math.max(window.startMs(), startMs));
    }

    private static double clampUnit(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
