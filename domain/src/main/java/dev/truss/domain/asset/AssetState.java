package dev.truss.domain.asset;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an uploaded video is in its life. FAILED can go back to ANALYSING so that a
 * creator can retry an analysis that died (the original left such assets "processing"
 * for ever); a file that is not a video fails before it was ever analysed.
 */
public enum AssetState {
    AWAITING_UPLOAD,
    UPLOADED,
    ANALYSING,
    ANALYSED,
    FAILED;

    public Set<AssetState> next() {
        return switch (this) {
            case AWAITING_UPLOAD -> EnumSet.of(UPLOADED, FAILED);
            case UPLOADED -> EnumSet.of(ANALYSING, FAILED);
            case ANALYSING -> EnumSet.of(ANALYSED, FAILED);
            case ANALYSED -> EnumSet.of(ANALYSING);
            case FAILED -> EnumSet.of(ANALYSING);
        };
    }

    public boolean canMoveTo(AssetState target) {
        return next().contains(target);
    }
}
