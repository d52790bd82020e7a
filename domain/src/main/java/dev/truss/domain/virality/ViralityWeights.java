package dev.truss.domain.virality;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How much each signal counts towards a score. Weights are relative: only their ratios
 * matter, because the scorer renormalises them over the signals present in a window.
 * The defaults sum to 1 and favour the AI's hook judgement, since the first seconds
 * decide whether a short is watched at all:
 * <pre>
 *   HOOK_STRENGTH 0.20   EMOTIONAL_INTENSITY 0.15   CHAT_INTENSITY 0.15
 *   LOUDNESS_PEAKS 0.15  SPEECH_PACING 0.15  SCENE_CUT_RATE 0.10  MOTION 0.10
 * </pre>
 */
public record ViralityWeights(Map<Signal, Double> bySignal) {

    /** Measured from the video itself, so present in every window. */
    static final Set<Signal> MEDIA_SIGNALS =
            EnumSet.of(Signal.LOUDNESS_PEAKS, Signal.SPEECH_PACING, Signal.SCENE_CUT_RATE, Signal.MOTION);

    public ViralityWeights {
        Set<Signal> missing = EnumSet.allOf(Signal.class);
        missing.removeAll(bySignal.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("every signal needs a weight; missing " + missing);
        }
        bySignal.forEach((signal, weight) -> {
            if (weight == null || !(weight >= 0 && Double.isFinite(weight))) {
                throw new IllegalArgumentException("the weight of " + signal + " must be a finite number ≥ 0, got " + weight);
            }
        });
        // Media signals are the only ones always present; without weight among them a
        // window lacking chat and AI judgements could not be scored at all.
        if (MEDIA_SIGNALS.stream().mapToDouble(bySignal::get).sum() <= 0) {
            throw new IllegalArgumentException("at least one media signal " + MEDIA_SIGNALS + " must weigh more than 0");
        }
        bySignal = Collections.unmodifiableMap(new EnumMap<>(bySignal));
    }

    public static ViralityWeights defaults() {
        Map<Signal, Double> weights = new EnumMap<>(Signal.class);
        weights.put(Signal.HOOK_STRENGTH, 0.20);
        weights.put(Signal.EMOTIONAL_INTENSITY, 0.15);
        weights.put(Signal.CHAT_INTENSITY, 0.15);
        weights.put(Signal.LOUDNESS_PEAKS, 0.15);
        weights.put(Signal.SPEECH_PACING, 0.15);
        weights.put(Signal.SCENE_CUT_RATE, 0.10);
        weights.put(Signal.MOTION, 0.10);
        return new ViralityWeights(weights);
    }

    public double of(Signal signal) {
        return bySignal.get(signal);
    }

    public ViralityWeights with(Signal signal, double weight) {
        Map<Signal, Double> weights = new EnumMap<>(bySignal);
        weights.put(signal, weight);
        return new ViralityWeights(weights);
    }
}
