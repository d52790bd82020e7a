package dev.truss.application.detect;

import dev.truss.domain.virality.Signal;
import dev.truss.domain.virality.StrengthCurve;
import dev.truss.domain.virality.ViralityScorer;
import dev.truss.domain.virality.ViralityWeights;
import dev.truss.domain.virality.WindowSignals;
import java.util.stream.DoubleStream;

/**
 * The score {@link ViralityScorer} gives a window's media signals, without the sentences that
 * explain it: formatting four reasons for each of tens of thousands of sliding windows would
 * cost more than measuring them. Mirrors the ramps documented on {@link ViralityScorer};
 * {@code MediaScoreTest} holds the two equal.
 */
final class MediaScore {

    private static final StrengthCurve LOUDNESS_DB_ABOVE_MEDIAN = new StrengthCurve(0, 10);
    private static final StrengthCurve SPEECH_RATIO = new StrengthCurve(0.5, 0.9);
    private static final StrengthCurve CUTS_PER_MINUTE = new StrengthCurve(0, 12);
    private static final StrengthCurve MEAN_MOTION = new StrengthCurve(0, 0.6);

    private final double loudness;
    private final double speech;
    private final double cuts;
    private final double motion;
    private final double total;

    MediaScore(ViralityWeights weights) {
        loudness = weights.of(Signal.LOUDNESS_PEAKS);
        speech = weights.of(Signal.SPEECH_PACING);
        cuts = weights.of(Signal.SCENE_CUT_RATE);
        motion = weights.of(Signal.MOTION);
        total = DoubleStream.of(loudness, speech, cuts, motion).sum(); // as the scorer sums them, to the last bit
    }

    /** 0–100, rounded as the scorer rounds; summed in the scorer's order so the two agree to the point. */
    int of(WindowSignals window) {
        double exact = 100 * LOUDNESS_DB_ABOVE_MEDIAN.strengthOf(window.loudnessPeakAboveMedianDb()) * loudness / total;
        exact += 100 * SPEECH_RATIO.strengthOf(window.speechRatio()) * speech / total;
        exact += 100 * CUTS_PER_MINUTE.strengthOf(window.sceneCutsPerMinute()) * cuts / total;
        exact += 100 * MEAN_MOTION.strengthOf(window.meanMotion()) * motion / total;
        return (int) Math.min(100, Math.round(exact));
    }
}
