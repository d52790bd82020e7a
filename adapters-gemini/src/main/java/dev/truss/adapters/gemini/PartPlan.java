package dev.truss.adapters.gemini;

import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;

/**
 * How a video is sent to the model: whole when it fits in one request, else in the fewest parts
 * of equal length (at most the maximum) where neighbours share the overlap, so a moment lying on
 * a cut is seen whole by one of them. Each part also owns the stretch of the timeline from the
 * middle of its overlap with the previous part to the middle of its overlap with the next: the
 * part whose chapters and transcript are kept there.
 */
record PartPlan(List<Planned> parts) {

    /** One part: what it covers, and the stretch of it whose chapters and transcript it contributes. */
    record Planned(int index, int count, TimeRange range, TimeRange own) {

        String label() {
            return count == 1 ? "the video" : "part " + (index + 1) + " of " + count;
        }
    }

    PartPlan {
        parts = List.copyOf(parts);
    }

    static PartPlan of(long durationMs, long maxPartMs, long overlapMs) {
        if (durationMs <= 0) {
            throw new IllegalArgumentException("a video has a positive duration, got " + durationMs + " ms");
        }
        if (durationMs <= maxPartMs) {
            TimeRange whole = new TimeRange(0, durationMs);
            return new PartPlan(List.of(new Planned(0, 1, whole, whole)));
        }
        int count = (int) ceilDiv(durationMs - overlapMs, maxPartMs - overlapMs);
        long length = ceilDiv(durationMs + (count - 1) * overlapMs, count);
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = i * (length - overlapMs);
            long end = i == count - 1 ? durationMs : Math.min(start + length, durationMs);
            ranges.add(new TimeRange(start, end));
        }
        List<Planned> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long ownStart = i == 0 ? 0 : middle(ranges.get(i - 1), ranges.get(i));
            long ownEnd = i == count - 1 ? durationMs : middle(ranges.get(i), ranges.get(i + 1));
            parts.add(new Planned(i, count, ranges.get(i), new TimeRange(ownStart, ownEnd)));
        }
        return new PartPlan(parts);
    }

    List<TimeRange> ranges() {
        return parts.stream().map(Planned::range).toList();
    }

    /** The middle of the stretch two neighbouring parts share. */
    private static long middle(TimeRange earlier, TimeRange later) {
        return (later.startMs() + earlier.endMs()) / 2;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
