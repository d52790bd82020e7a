package dev.truss.domain.virality;

import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The engagement signals measured over a whole video. Per-second series hold one sample
 * for each second [i s, (i+1) s) of the video, the last one possibly partial; loudness is
 * in dB or LUFS and must be finite, so adapters floor digital silence (e.g. at −70 LUFS).
 * Silences are sorted and merged on construction so overlapping detections count once.
 */
public record EngagementTimeline(
        long durationMs,
        List<Double> loudnessPerSecondDb,
        List<TimeRange> silences,
        List<SceneCut> sceneCuts,
        List<Double> motionPerSecond) {

    public EngagementTimeline {
        if (durationMs <= 0) {
            throw new IllegalArgumentException("a video lasts longer than 0 ms, got " + durationMs);
        }
        int seconds = secondsIn(durationMs);
        loudnessPerSecondDb = List.copyOf(loudnessPerSecondDb);
        motionPerSecond = List.copyOf(motionPerSecond);
        requireOnePerSecond("loudness", loudnessPerSecondDb, seconds, durationMs);
        requireOnePerSecond("motion", motionPerSecond, seconds, durationMs);
        if (!loudnessPerSecondDb.stream().allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("loudness samples must be finite dB values; floor silence instead of using −∞");
        }
        if (!motionPerSecond.stream().allMatch(motion -> motion >= 0 && motion <= 1)) {
            throw new IllegalArgumentException("motion samples are within 0–1");
        }
        silences = mergedWithin(silences, durationMs);
        sceneCuts = sceneCuts.stream().sorted(Comparator.comparingLong(SceneCut::atMs)).toList();
        if (!sceneCuts.isEmpty() && sceneCuts.get(sceneCuts.size() - 1).atMs() >= durationMs) {
            throw new IllegalArgumentException("scene cuts must happen before the video ends at " + durationMs + " ms");
        }
    }

    /** Summarises the media signals of one window of this video; chat and AI judgements stay absent. */
    public WindowSignals summarise(TimeRange window) {
        return summarise(window, medianLoudnessDb());
    }

    /** Summarises many windows at once, computing the video's median loudness only once. */
    public List<WindowSignals> summariseEach(List<TimeRange> windows) {
        double median = medianLoudnessDb();
        return windows.stream().map(window -> summarise(window, median)).toList();
    }

    public double medianLoudnessDb() {
        List<Double> sorted = loudnessPerSecondDb.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private WindowSignals summarise(TimeRange window, double medianDb) {
        Objects.requireNonNull(window, "window");
        if (window.endMs() > durationMs) {
            throw new IllegalArgumentException("window " + window + " ends after the video's " + durationMs + " ms");
        }
        double peakDb = Double.NEGATIVE_INFINITY;
        double motionMsWeighted = 0;
        for (int second = (int) (window.startMs() / 1000); second * 1000L < window.endMs(); second++) {
            long overlapMs = overlapMs(window, second * 1000L, Math.min((second + 1) * 1000L, durationMs));
            peakDb = Math.max(peakDb, loudnessPerSecondDb.get(second));
            motionMsWeighted += motionPerSecond.get(second) * overlapMs;
        }
        long silentMs = silences.stream().mapToLong(silence -> overlapMs(window, silence.startMs(), silence.endMs())).sum();
        int cuts = (int) sceneCuts.stream().filter(cut -> window.contains(cut.atMs())).count();
        double duration = window.durationMs();
        return WindowSignals.ofMedia(window.durationMs(), peakDb - medianDb, clampUnit(1 - silentMs / duration),
                cuts, clampUnit(motionMsWeighted / duration));
    }

    private static long overlapMs(TimeRange window, long startMs, long endMs) {
        return Math.max(0, Math.min(window.endMs(), endMs) - Math.max(window.startMs(), startMs));
    }

    // Guards the 0–1 invariants against floating-point drift in the weighted sums.
    private static double clampUnit(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static int secondsIn(long durationMs) {
        return (int) ((durationMs + 999) / 1000);
    }

    private static void requireOnePerSecond(String series, List<Double> samples, int seconds, long durationMs) {
        if (samples.size() != seconds) {
            throw new IllegalArgumentException("a " + durationMs + " ms video needs " + seconds + " " + series
                    + " samples (one per started second), got " + samples.size());
        }
    }

    private static List<TimeRange> mergedWithin(List<TimeRange> silences, long durationMs) {
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange silence : silences.stream().sorted(Comparator.comparingLong(TimeRange::startMs)).toList()) {
            if (silence.endMs() > durationMs) {
                throw new IllegalArgumentException("silence " + silence + " ends after the video's " + durationMs + " ms");
            }
            TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && silence.startMs() <= last.endMs()) {
                merged.set(merged.size() - 1, new TimeRange(last.startMs(), Math.max(last.endMs(), silence.endMs())));
            } else {
                merged.add(silence);
            }
        }
        return List.copyOf(merged);
    }
}
