package dev.truss.domain.time;

/**
 * A half-open span [start, end) of a video's timeline in milliseconds. Durations are
 * milliseconds throughout the API, so a range never needs a unit to be read.
 */
public record TimeRange(long startMs, long endMs) {

    public TimeRange {
        if (startMs < 0) {
            throw new dev.truss.domain.InvalidValueException("a time range cannot start before 0 ms, got " + startMs);
        }
        if (endMs <= startMs) {
            throw new dev.truss.domain.InvalidValueException("a time range must end after it starts, got " + startMs + "–" + endMs + " ms");
        }
    }

    public static TimeRange ofSeconds(double startSeconds, double endSeconds) {
        return new TimeRange(Math.round(startSeconds * 1000), Math.round(endSeconds * 1000));
    }

    public long durationMs() {
        return endMs - startMs;
    }

    public boolean overlaps(TimeRange other) {
        return startMs < other.endMs && other.startMs < endMs;
    }

    public boolean contains(TimeRange other) {
        return startMs <= other.startMs && other.endMs <= endMs;
    }

    public boolean contains(long instantMs) {
        return startMs <= instantMs && instantMs < endMs;
    }

    @Override
    public String toString() {
        return startMs + "–" + endMs + " ms";
    }
}
