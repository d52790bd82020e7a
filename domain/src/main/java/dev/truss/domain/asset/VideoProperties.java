package dev.truss.domain.asset;

import dev.truss.domain.InvalidValueException;
import java.util.Objects;

/** What probing a file found: enough to decide it is a playable video and how to render it. */
public record VideoProperties(
        long durationMs,
        String container,
        String videoCodec,
        int width,
        int height,
        int rotationDegrees,
        double framesPerSecond,
        boolean hasAudio) {

    public VideoProperties {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(videoCodec, "video codec");
        if (durationMs <= 0 || width <= 0 || height <= 0 || framesPerSecond <= 0) {
            throw new InvalidValueException("a video has a positive duration, size and frame rate");
        }
        if (rotationDegrees % 90 != 0) {
            throw new InvalidValueException("rotation is a multiple of 90 degrees, got " + rotationDegrees);
        }
    }

    /** Width and height as displayed, after rotation. */
    public int displayWidth() {
        return Math.abs(rotationDegrees) % 180 == 90 ? height : width;
    }

    public int displayHeight() {
        return Math.abs(rotationDegrees) % 180 == 90 ? width : height;
    }
}
