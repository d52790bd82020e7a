package dev.truss.application.detect;

import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import dev.truss.domain.virality.Signal;
import dev.truss.domain.virality.ViralityWeights;
import dev.truss.domain.virality.WindowSignals;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of whole timelines, windows, policies and weights for the detector's properties. */
final class TimelineArbitraries {

    private TimelineArbitraries() {
    }

    /** Videos of 2 s to 25 min with random loudness and motion, up to 60 silences and 150 scene cuts. */
    static Arbitrary<EngagementTimeline> timelines() {
        return Arbitraries.longs().between(2_000, 1_500_000).flatMap(duration -> {
            int seconds = (int) ((duration + 999) / 1000);
            Arbitrary<List<Double>> loudness = Arbitraries.doubles().between(-70, -5).list().ofSize(seconds);
            Arbitrary<List<Double>> motion = Arbitraries.doubles().between(0, 1).list().ofSize(seconds);
            Arbitrary<List<TimeRange>> silences = Combinators.combine(
                    Arbitraries.longs().between(0, duration - 1), Arbitraries.longs().between(1, 8_000))
                    .as((start, length) -> new TimeRange(start, Math.min(duration, start + length)))
                    .list().ofMaxSize(60);
            Arbitrary<List<SceneCut>> cuts = Combinators.combine(
                    Arbitraries.longs().between(0, duration - 1), Arbitraries.doubles().between(0, 1))
                    .as(SceneCut::new).list().ofMaxSize(150);
            return Combinators.combine(loudness, silences, cuts, motion)
                    .as((l, s, c, m) -> new EngagementTimeline(duration, l, s, c, m));
        });
    }

    static Arbitrary<SelectionPolicy> policies() {
        return Arbitraries.of(SelectionPolicy.defaults(), new SelectionPolicy(3, 10_000, 25_000, 1_000),
                new SelectionPolicy(10, 30_000, 180_000, 2_000), new SelectionPolicy(1, 12_500, 12_500, 0));
    }

    /** Media-only windows, with raw values on both sides of every ramp. */
    static Arbitrary<WindowSignals> mediaWindows() {
        return Combinators.combine(
                Arbitraries.longs().between(1_000, 180_000),
                Arbitraries.doubles().between(-30, 30),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 60),
                Arbitraries.doubles().between(0, 1)
        ).as(WindowSignals::ofMedia);
    }

    static Arbitrary<ViralityWeights> weights() {
        Arbitrary<Double> weight = Arbitraries.doubles().between(0, 3).withSpecialValue(0.0);
        return weight.list().ofSize(Signal.values().length).map(values -> {
            Map<Signal, Double> bySignal = new EnumMap<>(Signal.class);
            for (Signal signal : Signal.values()) {
                bySignal.put(signal, values.get(signal.ordinal()));
            }
            return bySignal;
        }).filter(bySignal -> bySignal.get(Signal.LOUDNESS_PEAKS) + bySignal.get(Signal.SPEECH_PACING)
                + bySignal.get(Signal.SCENE_CUT_RATE) + bySignal.get(Signal.MOTION) > 0)
                .map(ViralityWeights::new);
    }

    /** Windows inside a video of {@code durationMs}. */
    static Arbitrary<TimeRange> windowsWithin(long durationMs) {
        return Arbitraries.longs().between(0, durationMs - 1).flatMap(start ->
                Arbitraries.longs().between(start + 1, durationMs).map(end -> new TimeRange(start, end)));
    }
}
