package dev.truss.adapters.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link FfmpegVideoParts} encodes its proxies: the picture's short side in pixels (never
 * enlarged), the frame rate, libx264's {@code preset} and {@code crf}, AAC's bit rate (mono),
 * and the deadline of one ffmpeg run ({@code max(minimumTimeout, timeoutPerPartSecond × the
 * part's seconds)}).
 */
public record PartSettings(
        int shortSide,
        int framesPerSecond,
        String preset,
        int crf,
        int audioKilobitsPerSecond,
        Duration minimumTimeout,
        Duration timeoutPerPartSecond) {

    private static final Set<String> PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow");

    public PartSettings {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(minimumTimeout, "minimum timeout");
        Objects.requireNonNull(timeoutPerPartSecond, "timeout per part second");
        if (shortSide < 16 || shortSide > 2160 || shortSide % 2 != 0) {
            throw new IllegalArgumentException("the short side is even and within 16–2160 px, got " + shortSide);
        }
        if (framesPerSecond < 1 || framesPerSecond > 60) {
            throw new IllegalArgumentException("the frame rate is within 1–60, got " + framesPerSecond);
        }
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("an x264 preset is one of " + PRESETS + ", got " + preset);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("x264's crf is within 0–51, got " + crf);
        }
        if (audioKilobitsPerSecond < 16 || audioKilobitsPerSecond > 256) {
            throw new IllegalArgumentException("the AAC bit rate is within 16–256 kb/s, got " + audioKilobitsPerSecond);
        }
        if (minimumTimeout.isNegative() || minimumTimeout.isZero() || timeoutPerPartSecond.isNegative()) {
            throw new IllegalArgumentException("timeouts are positive");
        }
    }

    /**
     * Short side 360 px, 2 fps, {@code veryfast} at crf 32, AAC 64 kb/s mono; 2 min or 1 s per part
     * second (decoding the source is most of the work, and runs several times faster than real time).
     */
    public static PartSettings defaults() {
        return new PartSettings(360, 2, "veryfast", 32, 64, Duration.ofMinutes(2), Duration.ofSeconds(1));
    }

    public PartSettings withShortSide(int pixels) {
        return new PartSettings(pixels, framesPerSecond, preset, crf, audioKilobitsPerSecond, minimumTimeout,
                timeoutPerPartSecond);
    }

    public PartSettings withFramesPerSecond(int rate) {
        return new PartSettings(shortSide, rate, preset, crf, audioKilobitsPerSecond, minimumTimeout,
                timeoutPerPartSecond);
    }

    public PartSettings withPreset(String newPreset) {
        return new PartSettings(shortSide, framesPerSecond, newPreset, crf, audioKilobitsPerSecond, minimumTimeout,
                timeoutPerPartSecond);
    }

    public PartSettings withCrf(int newCrf) {
        return new PartSettings(shortSide, framesPerSecond, preset, newCrf, audioKilobitsPerSecond, minimumTimeout,
                timeoutPerPartSecond);
    }

    public PartSettings withAudioKilobitsPerSecond(int kilobits) {
        return new PartSettings(shortSide, framesPerSecond, preset, crf, kilobits, minimumTimeout,
                timeoutPerPartSecond);
    }

    public PartSettings withTimeout(Duration minimum, Duration perPartSecond) {
        return new PartSettings(shortSide, framesPerSecond, preset, crf, audioKilobitsPerSecond, minimum,
                perPartSecond);
    }

    /** The deadline of the ffmpeg run cutting a part of {@code durationMs}. */
    Duration timeoutFor(long durationMs) {
        Duration scaled = Duration.ofMillis(Math.round(timeoutPerPartSecond.toMillis() * (durationMs / 1000.0)));
        return scaled.compareTo(minimumTimeout) > 0 ? scaled : minimumTimeout;
    }
}
