package dev.truss.domain.moment;

import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists where a boundary may move within tolerance. For each nearby silence there are two
 * places: the one closest to its speech edge (a start towards the silence's end, where
 * speech resumes; an end towards its start, where speech stopped), and the one closest to
 * the original boundary, kept as a fallback when the first would break the length bounds.
 * Scene cuts within tolerance are options too; the unsnapped boundary always is.
 */
final class BoundaryOptions {

    private BoundaryOptions() {
    }

    static List<BoundaryOption> forStart(long startMs, CutPoints cuts, long toleranceMs) {
        List<BoundaryOption> options = new ArrayList<>();
        for (TimeRange silence : cuts.silences()) {
            if (isNear(silence, startMs, toleranceMs)) {
                options.add(BoundaryOption.inSilence(Math.min(silence.endMs(), startMs + toleranceMs), startMs, silence.endMs()));
                options.add(BoundaryOption.inSilence(clamp(startMs, silence), startMs, silence.endMs()));
            }
        }
        addSceneCuts(options, startMs, cuts, toleranceMs);
        options.add(BoundaryOption.unsnapped(startMs));
        return options;
    }

    static List<BoundaryOption> forEnd(long endMs, CutPoints cuts, long toleranceMs) {
        List<BoundaryOption> options = new ArrayList<>();
        for (TimeRange silence : cuts.silences()) {
            if (isNear(silence, endMs, toleranceMs)) {
                options.add(BoundaryOption.inSilence(Math.max(silence.startMs(), endMs - toleranceMs), endMs, silence.startMs()));
                options.add(BoundaryOption.inSilence(clamp(endMs, silence), endMs, silence.startMs()));
            }
        }
        addSceneCuts(options, endMs, cuts, toleranceMs);
        options.add(BoundaryOption.unsnapped(endMs));
        return options;
    }

    /** Whether some instant of the silence (its end included) lies within tolerance of the boundary. */
    static boolean isNear(TimeRange silence, long boundaryMs, long toleranceMs) {
        return silence.startMs() <= boundaryMs + toleranceMs && silence.endMs() >= boundaryMs - toleranceMs;
    }

    private static long clamp(long boundaryMs, TimeRange silence) {
        return Math.max(silence.startMs(), Math.min(silence.endMs(), boundaryMs));
    }

    private static void addSceneCuts(List<BoundaryOption> options, long boundaryMs, CutPoints cuts, long toleranceMs) {
        for (long cutMs : cuts.sceneCutsMs()) {
            if (Math.abs(cutMs - boundaryMs) <= toleranceMs) {
                options.add(BoundaryOption.sceneCut(cutMs, boundaryMs));
            }
        }
    }
}
