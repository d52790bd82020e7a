package dev.truss.domain.virality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/** Reads each present signal of a window through its curve and words the reason. Curves are documented on {@link ViralityScorer}. */
final class SignalReadings {

    static final StrengthCurve LOUDNESS_DB_ABOVE_MEDIAN = new StrengthCurve(0, 10);
    static final StrengthCurve SPEECH_RATIO = new StrengthCurve(0.5, 0.9);
    static final StrengthCurve CUTS_PER_MINUTE = new StrengthCurve(0, 12);
    static final StrengthCurve MEAN_MOTION = new StrengthCurve(0, 0.6);
    static final StrengthCurve CHAT_OVER_BASELINE = new StrengthCurve(1, 5);
    static final StrengthCurve AI_JUDGEMENT = new StrengthCurve(0, 1);

    private SignalReadings() {
    }

    /** Readings in {@link Signal} order; absent optional signals yield no reading. */
    static List<SignalReading> of(WindowSignals window) {
        List<SignalReading> readings = new ArrayList<>();
        double peakDb = window.loudnessPeakAboveMedianDb();
        readings.add(new SignalReading(Signal.LOUDNESS_PEAKS, LOUDNESS_DB_ABOVE_MEDIAN.strengthOf(peakDb), () -> peakDb >= 1
                ? say("The loudest second rises %.0f dB above the video's usual level.", peakDb)
                : "The sound stays at the video's usual level, with no loud peak."));
        double speech = window.speechRatio();
        readings.add(new SignalReading(Signal.SPEECH_PACING, SPEECH_RATIO.strengthOf(speech), () -> speech >= SPEECH_RATIO.fullAt()
                ? say("Sound fills %.0f%% of the window, so the pace never drags.", speech * 100)
                : say("Silence takes %.0f%% of the window, which slows the pace.", (1 - speech) * 100)));
        readings.add(new SignalReading(Signal.SCENE_CUT_RATE, CUTS_PER_MINUTE.strengthOf(window.sceneCutsPerMinute()), () -> cutsReason(window)));
        double motion = window.meanMotion();
        readings.add(new SignalReading(Signal.MOTION, MEAN_MOTION.strengthOf(motion), () -> motion >= MEAN_MOTION.fullAt() / 2
                ? say("Lively motion on screen, at %.0f%% of full energy.", motion * 100)
                : say("Little moves on screen, at %.0f%% of full energy.", motion * 100)));
        addIfPresent(readings, Signal.CHAT_INTENSITY, window.chatIntensity(), CHAT_OVER_BASELINE, ratio -> ratio > 1
                ? say("Live chat ran %.1f× faster than usual.", ratio)
                : "Live chat stayed at its usual pace.");
        addIfPresent(readings, Signal.HOOK_STRENGTH, window.hookStrength(), AI_JUDGEMENT,
                hook -> say("The AI rates the opening hook %.2f out of 1.", hook));
        addIfPresent(readings, Signal.EMOTIONAL_INTENSITY, window.emotionalIntensity(), AI_JUDGEMENT,
                emotion -> say("The AI rates the emotional intensity %.2f out of 1.", emotion));
        return readings;
    }

    private static String cutsReason(WindowSignals window) {
        String span = window.durationMs() % 1000 == 0
                ? say("%d s", window.durationMs() / 1000)
                : say("%.1f s", window.durationMs() / 1000.0);
        int cuts = window.sceneCuts();
        if (cuts == 0) {
            return "No scene cut in " + span + "; the shot holds still.";
        }
        return cuts == 1
                ? "1 scene cut in " + span + " keeps the eye moving."
                : cuts + " scene cuts in " + span + " keep the eye moving.";
    }

    private static void addIfPresent(List<SignalReading> readings, Signal signal, OptionalDouble raw,
                                     StrengthCurve curve, DoubleFunction<String> reason) {
        raw.ifPresent(value -> readings.add(new SignalReading(signal, curve.strengthOf(value), () -> reason.apply(value))));
    }

    private static String say(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }
}
