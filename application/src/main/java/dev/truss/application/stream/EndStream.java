package dev.truss.application.stream;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.stream.Stream;
import dev.truss.domain.stream.StreamState;
import java.time.Clock;
import java.util.Optional;

/** Ends a stream: a spike still in progress is closed and stored. Ending an ended stream changes nothing. */
public final class EndStream {

    private final StreamStore streams;
    private final IngestChat chat;
    private final Clock clock;

    public EndStream(StreamStore streams, IngestChat chat, Clock clock) {
        this.streams = streams;
        this.chat = chat;
        this.clock = clock;
    }

    public Outcome<Stream> execute(CreatorId creator, StreamId streamId) {
        Optional<Stream> stream = streams.find(creator, streamId);
        if (stream.isEmpty()) {
            return Outcome.notFound("no stream " + streamId);
        }
        if (stream.get().state() == StreamState.ENDED) {
            return Outcome.ok(stream.get());
        }
        return Outcome.of(streams.update(chat.close(stream.get(), clock.instant()).ended(clock.instant())),
                "the stream");
    }
}
