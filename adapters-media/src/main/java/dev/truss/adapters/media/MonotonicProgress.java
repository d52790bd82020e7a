package dev.truss.adapters.media;

import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Progress 0–100 to the caller, only ever rising. Stages map ffmpeg's {@code out_time_us} onto a
 * share of the bar. A listener that throws is not called again, rather than breaking the run
 * whose output it was reading.
 */
final class MonotonicProgress {
    private final IntConsumer listener;
    private int last = -1;
    private boolean broken;

    MonotonicProgress(IntConsumer listener) {
        this.listener = listener;
    }

    synchronized void report(int percent) {
        int bounded = Math.max(0, Math.min(100, percent));
        if (bounded <= last || broken) {
            return;
        }
        last = bounded;
        try {
            listener.accept(bounded);
        } catch (RuntimeException e) {
            broken = true;
        }
    }

    LongConsumer stage(int from, int to, long durationMs) {
        double durationMicros = Math.max(1, durationMs * 1000.0);
        return micros -> report(from + (int) Math.floor((to - from) * Math.min(1, micros / durationMicros)));
    }
}
