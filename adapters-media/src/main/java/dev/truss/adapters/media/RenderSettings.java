package dev.truss.adapters.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link FfmpegClipRenderer} encodes: libx264 with {@code preset} and {@code crf}, the frame
 * rate cap, AAC's bit rate, the font captions are drawn with (empty: look for DejaVu Sans Bold
 * and the like on the machine) and the deadline of one ffmpeg run
 * ({@code max(minimumTimeout, timeoutPerClipSecond × the clip's seconds)}).
 */
public record RenderSettings(
        String preset,
        int crf,
        int maxFramesPerSecond,
        int audioKilobitsPerSecond,
        Optional<Path> captionFont,
        Duration minimumTimeout,
        Duration timeoutPerClipSecond) {

    private static final Set<String> PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow");

    public RenderSettings {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(captionFont, "caption font");
        Objects.requireNonNull(minimumTimeout, "minimum timeout");
        Objects.requireNonNull(timeoutPerClipSecond, "timeout per clip second");
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("an x264 preset is one of " + PRESETS + ", got " + preset);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("x264's crf is within 0–51, got " + crf);
        }
        if (maxFramesPerSecond < 1 || maxFramesPerSecond > 120) {
            throw new IllegalArgumentException("the frame rate cap is within 1–120, got " + maxFramesPerSecond);
        }
        if (audioKilobitsPerSecond < 32 || audioKilobitsPerSecond > 512) {
            throw new IllegalArgumentException("the AAC bit rate is within 32–512 kb/s, got " + audioKilobitsPerSecond);
        }
        if (minimumTimeout.isNegative() || minimumTimeout.isZero() || timeoutPerClipSecond.isNegative()) {
            throw new IllegalArgumentException("timeouts are positive");
        }
    }

    /** {@code veryfast}, crf 20, at most 60 fps, AAC 128 kb/s, a font found on the machine, 2 min or 10 s per clip second. */
    public static RenderSettings defaults() {
        return new RenderSettings("veryfast", 20, 60, 128, Optional.empty(), Duration.ofMinutes(2),
                Duration.ofSeconds(10));
    }

    public RenderSettings withPreset(String newPreset) {
        return new RenderSettings(newPreset, crf, maxFramesPerSecond, audioKilobitsPerSecond, captionFont,
                minimumTimeout, timeoutPerClipSecond);
    }

    public RenderSettings withCrf(int newCrf) {
        return new RenderSettings(preset, newCrf, maxFramesPerSecond, audioKilobitsPerSecond, captionFont,
                minimumTimeout, timeoutPerClipSecond);
    }

    public RenderSettings withCaptionFont(Path font) {
        return new RenderSettings(preset, crf, maxFramesPerSecond, audioKilobitsPerSecond, Optional.of(font),
                minimumTimeout, timeoutPerClipSecond);
    }

    /** The deadline of one ffmpeg run over a clip of {@code clipMs}. */
    Duration timeoutFor(long clipMs) {
        Duration scaled = timeoutPerClipSecond.multipliedBy(Math.max(1, (clipMs + 999) / 1000));
        return scaled.compareTo(minimumTimeout) > 0 ? scaled : minimumTimeout;
    }
}
