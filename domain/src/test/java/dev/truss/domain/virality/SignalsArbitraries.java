package dev.truss.domain.virality;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators shared by the virality properties. */
final class SignalsArbitraries {

    private SignalsArbitraries() {
    }

    static Arbitrary<WindowSignals> windows() {
        return Combinators.combine(
                Arbitraries.longs().between(1_000, 180_000),
                Arbitraries.doubles().between(-30, 30),
                unit(),
                Arbitraries.integers().between(0, 60),
                unit(),
                optional(Arbitraries.doubles().between(0, 10)),
                optional(unit()),
                optional(unit())
        ).as(WindowSignals::new);
    }

    static Arbitrary<ViralityWeights> weights() {
        Arbitrary<Double> weight = Arbitraries.doubles().between(0, 3).withSpecialValue(0.0);
        return weight.list().ofSize(Signal.values().length).map(values -> {
            Map<Signal, Double> bySignal = new EnumMap<>(Signal.class);
            for (Signal signal : Signal.values()) {
                bySignal.put(signal, values.get(signal.ordinal()));
            }
            return bySignal;
        }).filter(bySignal -> ViralityWeights.MEDIA_SIGNALS.stream().mapToDouble(bySignal::get).sum() > 0)
                .map(ViralityWeights::new);
    }

    static WindowSignals allAtFullStrength(long durationMs) {
        return WindowSignals.ofMedia(durationMs, 15, 1, 100, 1)
                .withChatIntensity(8).withHookStrength(1).withEmotionalIntensity(1);
    }

    static WindowSignals allAtZeroStrength(long durationMs) {
        return WindowSignals.ofMedia(durationMs, -5, 0.3, 0, 0)
                .withChatIntensity(0.5).withHookStrength(0).withEmotionalIntensity(0);
    }

    /** The same window with one raw signal raised by {@code step} (0–1 of its range); absent signals stay absent. */
    static WindowSignals raised(WindowSignals w, Signal signal, double step) {
        switch (signal) {
            case LOUDNESS_PEAKS:
                return new WindowSignals(w.durationMs(), w.loudnessPeakAboveMedianDb() + step * 20, w.speechRatio(),
                        w.sceneCuts(), w.meanMotion(), w.chatIntensity(), w.hookStrength(), w.emotionalIntensity());
            case SPEECH_PACING:
                return new WindowSignals(w.durationMs(), w.loudnessPeakAboveMedianDb(), Math.min(1, w.speechRatio() + step),
                        w.sceneCuts(), w.meanMotion(), w.chatIntensity(), w.hookStrength(), w.emotionalIntensity());
            case SCENE_CUT_RATE:
                return new WindowSignals(w.durationMs(), w.loudnessPeakAboveMedianDb(), w.speechRatio(),
                        w.sceneCuts() + (int) (step * 30), w.meanMotion(), w.chatIntensity(), w.hookStrength(), w.emotionalIntensity());
            case MOTION:
                return new WindowSignals(w.durationMs(), w.loudnessPeakAboveMedianDb(), w.speechRatio(),
                        w.sceneCuts(), Math.min(1, w.meanMotion() + step), w.chatIntensity(), w.hookStrength(), w.emotionalIntensity());
            case CHAT_INTENSITY:
                return new WindowSignals(w.durationMs(), w.loudnessPeakAboveMedianDb(), w.speechRatio(), w.sceneCuts(),
                        w.meanMotion(), raise(w.chatIntensity(), step * 5, 10), w.hookStrength(), w.emotionalIntensity());
            case HOOK_STRENGTH:
                return new WindowSignals(w.durationMs(), w.loudnessPeakAboveMedianDb(), w.speechRatio(), w.sceneCuts(),
                        w.meanMotion(), w.chatIntensity(), raise(w.hookStrength(), step, 1), w.emotionalIntensity());
            default:
                return new WindowSignals(w.durationMs(), w.loudnessPeakAboveMedianDb(), w.speechRatio(), w.sceneCuts(),
                        w.meanMotion(), w.chatIntensity(), w.hookStrength(), raise(w.emotionalIntensity(), step, 1));
        }
    }

    private static OptionalDouble raise(OptionalDouble value, double by, double max) {
        return value.isPresent() ? OptionalDouble.of(Math.min(max, value.getAsDouble() + by)) : value;
    }

    private static Arbitrary<Double> unit() {
        return Arbitraries.doubles().between(0, 1).withSpecialValue(0.0).withSpecialValue(1.0);
    }

    private static Arbitrary<OptionalDouble> optional(Arbitrary<Double> values) {
        return values.optional(0.6).map(value -> value.map(OptionalDouble::of).orElse(OptionalDouble.empty()));
    }
}
