package dev.truss.application.detect;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a clip boundary can be cut cleanly: the video's start or end, or a silence or scene
 * cut within the selector's snap tolerance, so the clip will not open or close mid-word.
 * Binary searches, because every one of thousands of windows asks twice.
 */
final class CleanEdges {

    private final long durationMs;
    private final long toleranceMs;
    private final long[] cutsMs;
    private final long[] silenceStartsMs;
    private final long[] silenceEndsMs;

    CleanEdges(EngagementTimeline timeline, long toleranceMs) {
        this.durationMs = timeline.durationMs();
        this.toleranceMs = toleranceMs;
        this.cutsMs = timeline.sceneCuts().stream().mapToLong(SceneCut::atMs).toArray(); // sorted by the timeline
        List<TimeRange> silences = timeline.silences(); // sorted and merged by the timeline, so the ends are sorted too
        this.silenceStartsMs = silences.stream().mapToLong(TimeRange::startMs).toArray();
        this.silenceEndsMs = silences.stream().mapToLong(TimeRange::endMs).toArray();
    }

    /** How many of the window's two boundaries are clean: 0, 1 or 2. */
    int count(TimeRange window) {
        return (isClean(window.startMs()) ? 1 : 0) + (isClean(window.endMs()) ? 1 : 0);
    }

    boolean isClean(long atMs) {
        if (atMs == 0 || atMs == durationMs) {
            return true;
        }
        int cut = firstAtOrAfter(cutsMs, atMs - toleranceMs);
        if (cut < cutsMs.length && cutsMs[cut] <= atMs + toleranceMs) {
            return true;
        }
        int silence = firstAtOrAfter(silenceEndsMs, atMs - toleranceMs);
        return silence < silenceEndsMs.length && silenceStartsMs[silence] <= atMs + toleranceMs;
    }

    /** The index of the first value at or after {@code value} in a sorted array; its length when none is. */
    static int firstAtOrAfter(long[] sorted, long value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == value) {
            index--;
        }
        return index;
    }
}
