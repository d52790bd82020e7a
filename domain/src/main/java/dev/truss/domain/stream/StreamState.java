package dev.truss.domain.stream;

/** A live stream is live until it ends; an ended stream stays ended. */
public enum StreamState {
    LIVE,
    ENDED
}
