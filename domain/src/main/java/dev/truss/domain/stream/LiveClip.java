package dev.truss.domain.stream;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.Text;
import dev.truss.domain.Versioned;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.platform.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * A clip the live platform cuts from the broadcast itself, asked for when the chat spiked (Twitch
 * takes no uploads; its clips come from the live stream). One per spike, keyed by the stream and
 * the spike's start. Requested → creating (the platform named its clip) → created | failed; the
 * platform's clip id is kept as soon as it is known, so a retry confirms that clip instead of
 * cutting a second one.
 */
public record LiveClip(CreatorId creatorId, StreamId streamId, Instant spikeStart, Platform platform,
                       State state, Instant updatedAt, long version) implements Versioned<LiveClip> {

    /** Where the clip stands. */
    public sealed interface State {

        record Requested() implements State {
        }

        record Creating(String clipId) implements State {
            public Creating {
                clipId = Text.required("clip id", clipId, 200);
            }
        }

        record Created(String clipId, String url) implements State {
            public Created {
                clipId = Text.required("clip id", clipId, 200);
                url = Text.required("url", url, 2000);
            }
        }

        record Failed(String reason) implements State {
            public Failed {
                reason = Text.required("failure reason", reason, 2000);
            }
        }
    }

    public LiveClip {
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(streamId, "stream id");
        Objects.requireNonNull(spikeStart, "spike start");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updated at");
    }

    /** Asked for the spike of {@code stream} that started at {@code spikeStart}. */
    public static LiveClip requested(CreatorId creator, StreamId stream, Instant spikeStart, Platform platform,
                                     Instant at) {
        return new LiveClip(creator, stream, spikeStart, platform, new State.Requested(), at, 0);
    }

    /** The platform named the clip it is cutting. */
    public LiveClip creating(String clipId, Instant at) {
        requireOpen("creating");
        return with(new State.Creating(clipId), at);
    }

    public LiveClip created(String clipId, String url, Instant at) {
        requireOpen("created");
        return with(new State.Created(clipId, url), at);
    }

    public LiveClip failed(String reason, Instant at) {
        requireOpen("failed");
        return with(new State.Failed(reason), at);
    }

    public boolean isFinished() {
        return state instanceof State.Created || state instanceof State.Failed;
    }

    @Override
    public LiveClip withVersion(long newVersion) {
        return new LiveClip(creatorId, streamId, spikeStart, platform, state, updatedAt, newVersion);
    }

    private void requireOpen(String target) {
        if (isFinished()) {
            throw new IllegalTransitionException("live clip of " + streamId + " at " + spikeStart, state, target);
        }
    }

    private LiveClip with(State newState, Instant at) {
        return new LiveClip(creatorId, streamId, spikeStart, platform, newState, at, version);
    }
}
