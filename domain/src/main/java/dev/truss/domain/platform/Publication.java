package dev.truss.domain.platform;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.Versioned;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One clip on one platform. There is at most one per (clip, platform): asking to publish
 * again returns this record instead of posting twice. Pending → uploading → published | failed;
 * a failed publication may be tried again. A platform that posts in one request (a Discord
 * webhook) has no upload handle, so pending → published directly is allowed too.
 */
public record Publication(
        CreatorId creatorId,
        ClipId clipId,
        Platform platform,
        PublicationState state,
        int attempts,
        Instant createdAt,
        Instant updatedAt,
        long version) implements Versioned<Publication> {

    public Publication {
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(clipId, "clip id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(updatedAt, "updated at");
    }

    public static Publication pending(CreatorId creator, ClipId clip, Platform platform, Instant at) {
        return new Publication(creator, clip, platform, new PublicationState.Pending(), 0, at, at, 0);
    }

    /** An upload begins (or resumes: an uploading publication may record a newer handle). */
    public Publication uploading(String resumeToken, Instant at) {
        if (state instanceof PublicationState.Published || state instanceof PublicationState.Failed) {
            throw new IllegalTransitionException("publication of " + clipId + " to " + platform, state, "uploading");
        }
        int tries = state instanceof PublicationState.Pending ? attempts + 1 : attempts;
        return new Publication(creatorId, clipId, platform, new PublicationState.Uploading(resumeToken, at), tries,
                createdAt, at, version);
    }

    public Publication published(String remoteId, String url, Instant at) {
        return published(remoteId, url, List.of(), at);
    }

    /** Posted, with what the platform did of its own ({@code notes}: posted privately, posted as a link). */
    public Publication published(String remoteId, String url, List<String> notes, Instant at) {
        if (state instanceof PublicationState.Published) {
            throw new IllegalTransitionException("publication of " + clipId + " to " + platform, state, "published");
        }
        return with(new PublicationState.Published(remoteId, url, at, notes), at);
    }

    public Publication failed(String reason, Instant at) {
        if (state instanceof PublicationState.Published) {
            throw new IllegalTransitionException("publication of " + clipId + " to " + platform, state, "failed");
        }
        return with(new PublicationState.Failed(reason, at), at);
    }

    /** A failed publication queued again. */
    public Publication retried(Instant at) {
        if (!(state instanceof PublicationState.Failed)) {
            throw new IllegalTransitionException("publication of " + clipId + " to " + platform, state, "pending");
        }
        return with(new PublicationState.Pending(), at);
    }

    @Override
    public Publication withVersion(long newVersion) {
        return new Publication(creatorId, clipId, platform, state, attempts, createdAt, updatedAt, newVersion);
    }

    private Publication with(PublicationState newState, Instant at) {
        return new Publication(creatorId, clipId, platform, newState, attempts, createdAt, at, version);
    }
}
