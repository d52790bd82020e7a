package dev.truss.domain.stream;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.Text;
import dev.truss.domain.Versioned;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.platform.Platform;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A live broadcast whose chat Truss watches for spikes. */
public record Stream(
        StreamId id,
        CreatorId creatorId,
        String title,
        Platform platform,
        StreamState state,
        Instant startedAt,
        Optional<Instant> endedAt,
        long messageCount,
        long version) implements Versioned<Stream> {

    public Stream {
        Objects.requireNonNull(id, "stream id");
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(endedAt, "ended at");
        title = Text.required("title", title, 200);
        if ((state == StreamState.ENDED) != endedAt.isPresent()) {
            throw new IllegalArgumentException("an ended stream, and only an ended one, has an end time");
        }
    }

    public static Stream started(StreamId id, CreatorId creator, String title, Platform platform, Instant at) {
        return new Stream(id, creator, title, platform, StreamState.LIVE, at, Optional.empty(), 0, 0);
    }

    public Stream ended(Instant at) {
        if (state == StreamState.ENDED) {
            throw new IllegalTransitionException("stream " + id, state, StreamState.ENDED);
        }
        return new Stream(id, creatorId, title, platform, StreamState.ENDED, startedAt, Optional.of(at), messageCount,
                version);
    }

    public Stream counted(long messages) {
        return new Stream(id, creatorId, title, platform, state, startedAt, endedAt, messageCount + messages, version);
    }

    @Override
    public Stream withVersion(long newVersion) {
        return new Stream(id, creatorId, title, platform, state, startedAt, endedAt, messageCount, newVersion);
    }
}
