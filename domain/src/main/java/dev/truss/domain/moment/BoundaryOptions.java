package dev.truss.domain.moment;

import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists where a boundary may move within tolerance. A start goes to the end of a nearby
 * silence (speech resumes there), or as close to it as tolerance allows while still inside
 * the silence; an end goes to the start of a silence (speech just stopped) in the same way.
 * Scene cuts within tolerance are options too; the unsnapped boundary always is.
 */
final class BoundaryOptions {

    private BoundaryOptions() {
    }

    static List<BoundaryOption> forStart(long startMs, CutPoints cuts, long toleranceMs) {
        List<BoundaryOption> options = new ArrayList<>();
        for (TimeRange silence : cuts.silences()) {
            if (isNear(silence, startMs, toleranceMs)) {
                long at = Math.min(silence.endMs(), startMs + toleranceMs);
                options.add(new BoundaryOption(at, BoundarySnap.TO_SILENCE, Math.abs(at - startMs)));
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
                long at = Math.max(silence.startMs(), endMs - toleranceMs);
                options.add(new BoundaryOption(at, BoundarySnap.TO_SILENCE, Math.abs(at - endMs)));
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

    private static void addSceneCuts(List<BoundaryOption> options, long boundaryMs, CutPoints cuts, long toleranceMs) {
        for (long cutMs : cuts.sceneCutsMs()) {
            if (Math.abs(cutMs - boundaryMs) <= toleranceMs) {
                options.add(new BoundaryOption(cutMs, BoundarySnap.TO_SCENE_CUT, Math.abs(cutMs - boundaryMs)));
            }
        }
    }
}
