package dev.truss.domain.virality;

/** One present signal of a window, read as a strength 0–1 with the sentence that explains it. */
record SignalReading(Signal signal, double strength, String reason) {
}
