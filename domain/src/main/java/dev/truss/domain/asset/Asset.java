package dev.truss.domain.asset;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.Text;
import dev.truss.domain.Versioned;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An uploaded video. The bytes live in object storage under {@code objectKey}; this record
 * tracks what is known about them and where the analysis stands.
 */
public record Asset(
        AssetId id,
        CreatorId creatorId,
        String title,
        String objectKey,
        String contentType,
        long sizeBytes,
        AssetState state,
        Optional<VideoProperties> video,
        Optional<String> failureReason,
        Instant createdAt,
        Instant updatedAt,
        long version) implements Versioned<Asset> {

    public static final int MAX_TITLE_LENGTH = 200;

    public Asset {
        Objects.requireNonNull(id, "asset id");
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(objectKey, "object key");
        Objects.requireNonNull(contentType, "content type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(failureReason, "failure reason");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(updatedAt, "updated at");
        title = Text.required("title", title, MAX_TITLE_LENGTH);
        if (sizeBytes <= 0) {
            throw new InvalidValueException("a video's size must be positive, got " + sizeBytes + " bytes");
        }
        if ((state == AssetState.FAILED) != failureReason.isPresent()) {
            throw new InvalidValueException("a failed asset, and only a failed one, carries a failure reason");
        }
    }

    /** A video announced by its creator, waiting for the bytes to arrive. */
    public static Asset awaitingUpload(AssetId id, CreatorId creator, String title, String objectKey,
                                       String contentType, long sizeBytes, Instant at) {
        return new Asset(id, creator, title, objectKey, contentType, sizeBytes, AssetState.AWAITING_UPLOAD,
                Optional.empty(), Optional.empty(), at, at, 0);
    }

    public Asset uploaded(VideoProperties probed, Instant at) {
        return moveTo(AssetState.UPLOADED, Optional.of(probed), Optional.empty(), at);
    }

    /** Starts (or retries) the analysis; an asset whose bytes never arrived has nothing to analyse. */
    public Asset analysing(Instant at) {
        if (video.isEmpty()) {
            throw new IllegalTransitionException("asset " + id + " (never uploaded)", state, AssetState.ANALYSING);
        }
        return moveTo(AssetState.ANALYSING, video, Optional.empty(), at);
    }

    public Asset analysed(Instant at) {
        return moveTo(AssetState.ANALYSED, video, Optional.empty(), at);
    }

    public Asset failed(String reason, Instant at) {
        return moveTo(AssetState.FAILED, video, Optional.of(Text.required("failure reason", reason, 2000)), at);
    }

    /** The video's length, known once the upload was probed. */
    public Optional<Long> durationMs() {
        return video.map(VideoProperties::durationMs);
    }

    @Override
    public Asset withVersion(long newVersion) {
        return new Asset(id, creatorId, title, objectKey, contentType, sizeBytes, state, video, failureReason,
                createdAt, updatedAt, newVersion);
    }

    private Asset moveTo(AssetState target, Optional<VideoProperties> newVideo, Optional<String> reason, Instant at) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException("asset " + id, state, target);
        }
        return new Asset(id, creatorId, title, objectKey, contentType, sizeBytes, target, newVideo, reason,
                createdAt, at, version);
    }
}
