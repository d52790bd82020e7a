package dev.truss.domain.moment;

/**
 * How many clips to pick and how long they may be. Lengths default to 15–60 s, the sweet
 * spot of short-form feeds; the maximum may go up to 180 s, the longest a YouTube Short
 * may run. Boundaries move at most {@code snapToleranceMs} to reach a clean cut point.
 */
public record SelectionPolicy(int maxClips, long minLengthMs, long maxLengthMs, long snapToleranceMs) {

    public static final long LONGEST_SHORT_MS = 180_000;

    public SelectionPolicy {
        if (maxClips < 1) {
            throw new IllegalArgumentException("a selection picks at least 1 clip, got a maximum of " + maxClips);
        }
        if (minLengthMs <= 0) {
            throw new IllegalArgumentException("the minimum clip length must be over 0 ms, got " + minLengthMs);
        }
        if (minLengthMs > maxLengthMs) {
            throw new IllegalArgumentException("the minimum clip length (" + minLengthMs + " ms) cannot exceed the maximum (" + maxLengthMs + " ms)");
        }
        if (maxLengthMs > LONGEST_SHORT_MS) {
            throw new IllegalArgumentException("a short runs at most " + LONGEST_SHORT_MS + " ms, got a maximum of " + maxLengthMs + " ms");
        }
        if (snapToleranceMs < 0) {
            throw new IllegalArgumentException("the snap tolerance cannot be negative, got " + snapToleranceMs + " ms");
        }
    }

    /** Five clips of 15–60 s, each boundary free to move 1.5 s to a silence or scene cut. */
    public static SelectionPolicy defaults() {
        return new SelectionPolicy(5, 15_000, 60_000, 1_500);
    }

    public SelectionPolicy withMaxClips(int clips) {
        return new SelectionPolicy(clips, minLengthMs, maxLengthMs, snapToleranceMs);
    }

    public boolean allowsLength(long lengthMs) {
        return lengthMs >= minLengthMs && lengthMs <= maxLengthMs;
    }
}
