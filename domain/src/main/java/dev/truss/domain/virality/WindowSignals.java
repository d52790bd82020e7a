package dev.truss.domain.virality;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one time window of a video offers a viewer, in raw units. The media signals are
 * always measured; chat and AI judgements are optional because a video may have no live
 * chat and the AI may not have run: absent means "not known", which is not the same as zero.
 *
 * @param durationMs                the window's length
 * @param loudnessPeakAboveMedianDb loudest second of the window minus the video's median loudness (dB or LU; may be negative)
 * @param speechRatio               share of the window that is not silence, 0–1
 * @param sceneCuts                 scene cuts that happen inside the window
 * @param meanMotion                time-weighted mean motion energy, 0–1
 * @param chatIntensity             peak chat rate over the stream's baseline rate (1 = usual), as a chat spike's intensity
 * @param hookStrength              the AI's judgement of how strongly the window grabs attention, 0–1
 * @param emotionalIntensity        the AI's judgement of the window's emotional charge, 0–1
 */
public record WindowSignals(
        long durationMs,
        double loudnessPeakAboveMedianDb,
        double speechRatio,
        int sceneCuts,
        double meanMotion,
        OptionalDouble chatIntensity,
        OptionalDouble hookStrength,
        OptionalDouble emotionalIntensity) {

    public WindowSignals {
        Objects.requireNonNull(chatIntensity, "chat intensity (use OptionalDouble.empty() when unknown)");
        Objects.requireNonNull(hookStrength, "hook strength (use OptionalDouble.empty() when unknown)");
        Objects.requireNonNull(emotionalIntensity, "emotional intensity (use OptionalDouble.empty() when unknown)");
        if (durationMs <= 0) {
            throw new IllegalArgumentException("a window lasts longer than 0 ms, got " + durationMs);
        }
        if (!Double.isFinite(loudnessPeakAboveMedianDb)) {
            throw new IllegalArgumentException("the loudness peak must be a finite number of dB, got " + loudnessPeakAboveMedianDb);
        }
        requireUnit("speech ratio", speechRatio);
        requireUnit("mean motion", meanMotion);
        if (sceneCuts < 0) {
            throw new IllegalArgumentException("scene cuts cannot be negative, got " + sceneCuts);
        }
        chatIntensity.ifPresent(value -> {
            if (!(value >= 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("chat intensity is a finite ratio ≥ 0, got " + value);
            }
        });
        hookStrength.ifPresent(value -> requireUnit("hook strength", value));
        emotionalIntensity.ifPresent(value -> requireUnit("emotional intensity", value));
    }

    /** The media signals alone, with no chat and no AI judgement. */
    public static WindowSignals ofMedia(long durationMs, double loudnessPeakAboveMedianDb, double speechRatio, int sceneCuts, double meanMotion) {
        return new WindowSignals(durationMs, loudnessPeakAboveMedianDb, speechRatio, sceneCuts, meanMotion,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    public WindowSignals withChatIntensity(double ratio) {
        return new WindowSignals(durationMs, loudnessPeakAboveMedianDb, speechRatio, sceneCuts, meanMotion,
                OptionalDouble.of(ratio), hookStrength, emotionalIntensity);
    }

    public WindowSignals withHookStrength(double strength) {
        return new WindowSignals(durationMs, loudnessPeakAboveMedianDb, speechRatio, sceneCuts, meanMotion,
                chatIntensity, OptionalDouble.of(strength), emotionalIntensity);
    }

    public WindowSignals withEmotionalIntensity(double strength) {
        return new WindowSignals(durationMs, loudnessPeakAboveMedianDb, speechRatio, sceneCuts, meanMotion,
                chatIntensity, hookStrength, OptionalDouble.of(strength));
    }

    public double sceneCutsPerMinute() {
        return sceneCuts * 60_000.0 / durationMs;
    }

    private static void requireUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is within 0–1, got " + value);
        }
    }
}
