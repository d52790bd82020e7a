package dev.truss.domain.asset;

import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.time.Instant;

/** Assets in each state, reached the way the application reaches them. */
final class Assets {
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    static final VideoProperties VIDEO = new VideoProperties(600_000, "mp4", "h264", 1920, 1080, 0, 30, true);

    private Assets() {
    }

    static Asset awaitingUpload() {
        return Asset.awaitingUpload(AssetId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3"), CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C4"),
                "My stream", "creators/c/assets/a/source.mp4", "video/mp4", 10_000_000, AT);
    }

    static Asset in(AssetState state) {
        return switch (state) {
            case AWAITING_UPLOAD -> awaitingUpload();
            case UPLOADED -> awaitingUpload().uploaded(VIDEO, AT.plusSeconds(1));
            case ANALYSING -> in(AssetState.UPLOADED).analysing(AT.plusSeconds(2));
            case ANALYSED -> in(AssetState.ANALYSING).analysed(AT.plusSeconds(3));
            case FAILED -> in(AssetState.ANALYSING).failed("the analysis died", AT.plusSeconds(3));
        };
    }

    /** The move of {@code asset} to {@code target}, by the method that makes it. */
    static Asset moved(Asset asset, AssetState target) {
        Instant later = AT.plusSeconds(60);
        return switch (target) {
            case AWAITING_UPLOAD -> throw new AssertionError("no method moves an asset back to awaiting upload");
            case UPLOADED -> asset.uploaded(VIDEO, later);
            case ANALYSING -> asset.analysing(later);
            case ANALYSED -> asset.analysed(later);
            case FAILED -> asset.failed("not a video", later);
        };
    }
}
