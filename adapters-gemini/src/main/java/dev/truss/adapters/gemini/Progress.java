package dev.truss.adapters.gemini;

import java.util.function.IntConsumer;

/** Forwards percentages that move forward, clamped to 0–100; a stage maps its own 0–100 onto a span. */
final class Progress {

    private final IntConsumer sink;
    private int last = -1;

    Progress(IntConsumer sink) {
        this.sink = sink;
    }

    synchronized void report(int percent) {
        int clamped = Math.max(0, Math.min(100, percent));
        if (clamped > last) {
            last = clamped;
            sink.accept(clamped);
        }
    }

    synchronized int last() {
        return Math.max(0, last);
    }

    /** A stage reporting 0–100 of itself, seen as {@code from}–{@code to} of the whole. */
    IntConsumer span(int from, int to) {
        return percent -> report(from + (to - from) * Math.max(0, Math.min(100, percent)) / 100);
    }
}
