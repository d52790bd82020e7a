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

/**
 * A live broadcast whose chat Truss watches for spikes. The spike detector's state travels with
 * the stream (it has a fixed size), so any server can take the next batch of chat where the
 * last one left off, and one conditional write keeps both consistent.
 */
public record Stream(
        StreamId id,
        CreatorId creatorId,
        String title,
        Platform platform,
        StreamState state,
        Instant startedAt,
        Optional<Instant> endedAt,
        ChatSpikeState chat,
        long version) implements Versioned<Stream> {

    public Stream {
        Objects.requireNonNull(id, "stream id");
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(endedAt, "ended at");
        Objects.requireNonNull(chat, "chat state");
        if (!chat.streamId().equals(id)) {
            throw new IllegalArgumentException("the chat state belongs to stream " + chat.streamId() + ", not " + id);
        }
        title = Text.required("title", title, 200);
        if ((state == StreamState.ENDED) != endedAt.isPresent()) {
            throw new IllegalArgumentException("an ended stream, and only an ended one, has an end time");
        }
    }

    public static Stream started(StreamId id, CreatorId creator, String title, Platform platform,
                                 ChatSpikeSettings settings, Instant at) {
        return new Stream(id, creator, title, platform, StreamState.LIVE, at, Optional.empty(),
                ChatSpikeDetector.start(id, settings).state(), 0);
    }

    public Stream ended(Instant at) {
        if (state == StreamState.ENDED) {
            throw new IllegalTransitionException("stream " + id, state, StreamState.ENDED);
        }
        return new Stream(id, creatorId, title, platform, StreamState.ENDED, startedAt, Optional.of(at), chat, version);
    }

    /** The stream after its detector moved on to {@code newChat}. */
    public Stream withChat(ChatSpikeState newChat) {
        return new Stream(id, creatorId, title, platform, state, startedAt, endedAt, newChat, version);
    }

    /** Chat messages counted so far. */
    public long messageCount() {
        return chat.acceptedMessages();
    }

    @Override
    public Stream withVersion(long newVersion) {
        return new Stream(id, creatorId, title, platform, state, startedAt, endedAt, chat, newVersion);
    }
}
