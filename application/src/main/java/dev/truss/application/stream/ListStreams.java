package dev.truss.application.stream;

import dev.truss.application.common.CursorPage;
import dev.truss.application.common.PageCursors;
import dev.truss.application.common.PageQuery;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.domain.id.CreatorId;
import dev.truss.application.common.Outcome;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.stream.Stream;

/** A creator's streams, newest first. */
public final class ListStreams {

    private final StreamStore streams;
    private final PageCursors cursors;

    public ListStreams(StreamStore streams, PageCursors cursors) {
        this.streams = streams;
        this.cursors = cursors;
    }

    /** One stream, by its id. */
    public Outcome<Stream> one(CreatorId creator, StreamId stream) {
        return streams.find(creator, stream).map(Outcome::ok).orElseGet(() -> Outcome.notFound("no stream " + stream));
    }

    public CursorPage<Stream> execute(CreatorId creator, PageQuery query) {
        return cursors.page(query, creator, "streams", page -> streams.listNewestFirst(creator, page));
    }
}
