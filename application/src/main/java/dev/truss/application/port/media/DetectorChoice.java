package dev.truss.application.port.media;

/**
 * Which detector an analysis asks for. {@code AUTO} is the configured default: the AI detector
 * when one is configured (a Gemini key), else the local one; {@code LOCAL} is the local detector
 * whatever is configured; {@code AI} is the AI detector, or the local one with a note saying
 * none is configured.
 */
public enum DetectorChoice {
    AUTO,
    LOCAL,
    AI
}
