package dev.truss.domain.virality;

import java.util.function.Supplier;

/**
 * One present signal of a window, read as a strength 0–1, with the sentence that explains it
 * worded only when asked for: ranking many windows needs the strengths, not the sentences.
 */
record SignalReading(Signal signal, double strength, Supplier<String> reason) {
}
