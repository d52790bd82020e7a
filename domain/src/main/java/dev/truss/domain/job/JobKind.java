package dev.truss.domain.job;

/** The work that runs in the background instead of inside a request. */
public enum JobKind {
    ANALYSE_ASSET,
    RENDER_CLIP,
    PUBLISH_CLIP,
    /** A chat spike of a live stream becomes a clip on the live platform (Twitch). */
    CLIP_LIVE_SPIKE
}
