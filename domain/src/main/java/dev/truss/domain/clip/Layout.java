package dev.truss.domain.clip;

/** How a clip fills a 9:16 frame from a source of any shape. */
public enum Layout {
    /** The middle of the picture, cropped to 9:16. */
    CENTER_CROP,
    /** The whole picture, fitted over a blurred, enlarged copy of itself. */
    BLURRED_FIT,
    /** A 9:16 crop that follows the action sideways, smoothed so it does not jitter. */
    FOLLOW_ACTION
}
