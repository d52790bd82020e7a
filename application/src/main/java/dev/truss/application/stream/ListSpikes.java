package dev.truss.application.stream;

import dev.truss.application.common.CursorPage;
import dev.truss.application.common.Outcome;
import dev.truss.application.common.PageCursors;
import dev.truss.application.common.PageQuery;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import java.time.Instant;
import java.util.List;

/** Chat spikes, oldest first: of one stream, or of all streams in a time range; and the live clips cut at them. */
public final class ListSpikes {

    private final StreamStore streams;
    private final PageCursors cursors;

    public ListSpikes(StreamStore streams, PageCursors cursors) {
        this.streams = streams;
        this.cursors = cursors;
    }

    public Outcome<CursorPage<ChatSpike>> inRange(CreatorId creator, Instant from, Instant to, PageQuery query) {
        if (!from.isBefore(to)) {
            return Outcome.rejected("the range must end after it starts (" + from + " – " + to + ")");
        }
        return Outcome.ok(cursors.page(query, creator, "spikes:" + from + ":" + to,
                page -> streams.listSpikes(creator, from, to, page)));
    }

    /** The spikes of one stream: those that started while it was live. */
    public Outcome<CursorPage<ChatSpike>> ofStream(CreatorId creator, StreamId streamId, PageQuery query) {
        return streams.find(creator, streamId).map(stream -> {
            CursorPage<ChatSpike> page = cursors.page(query, creator, "spikes:" + streamId,
                    request -> streams.listSpikes(creator, stream.startedAt(), end(stream), request));
            // Streams of one creator rarely overlap; when they do, keep only this stream's spikes.
            return Outcome.ok(new CursorPage<>(page.items().stream()
                    .filter(spike -> spike.streamId().equals(streamId)).toList(), page.nextCursor()));
        }).orElseGet(() -> Outcome.notFound("no stream " + streamId));
    }

    /** The clips the live platform cut at the stream's spikes (Twitch), by spike start. */
    public Outcome<List<LiveClip>> liveClipsOf(CreatorId creator, StreamId streamId) {
        return streams.find(creator, streamId).<Outcome<List<LiveClip>>>map(
                stream -> Outcome.ok(streams.listLiveClips(creator, streamId)))
                .orElseGet(() -> Outcome.notFound("no stream " + streamId));
    }

    private static Instant end(Stream stream) {
        // A spike is reported when it ends, so it may be stored a little after the stream ended.
        return stream.endedAt().map(ended -> ended.plusSeconds(1)).orElse(Instant.parse("9999-12-31T23:59:59Z"));
    }
}
