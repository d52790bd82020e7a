package dev.truss.singletable.stores;

import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Streams at {@code CREATOR#<id> / STREAM#<streamId>}, chat spikes at
 * {@code CHAT_SPIKE#<start>#<streamId>}, so spikes of a time range are one key-range query, and
 * live clips at {@code LIVE_CLIP#<streamId>#<spike start>}, so a stream's are one query.
 */
final class TableStreamStore implements StreamStore {

    private final Items items;

    TableStreamStore(Items items) {
        this.items = items;
    }

    @Override
    public WriteResult<Stream> create(Stream stream) {
        return items.create(items.item(Keys.stream(stream.creatorId(), stream.id()), stream), stream, Stream.class);
    }

    @Override
    public Optional<Stream> find(CreatorId creator, StreamId stream) {
        return items.find(Keys.stream(creator, stream), Stream.class);
    }

    @Override
    public Page<Stream> listNewestFirst(CreatorId creator, PageRequest page) {
        Query newestFirst = Query.table(Keys.creator(creator), SortKeyRange.beginsWith(Keys.STREAM_PREFIX), true, 1);
        return Paging.page(items.table(), newestFirst, page, item -> items.entity(item, Stream.class));
    }

    @Override
    public WriteResult<Stream> update(Stream stream) {
        return items.update(Keys.stream(stream.creatorId(), stream.id()), stream);
    }

    @Override
    public void saveSpike(CreatorId creator, ChatSpike spike) {
        Key key = new Key(Keys.creator(creator), Keys.spikeSortKey(spike.start(), spike.streamId().value()));
        items.table().put(items.item(key, spike), Expect.anything());
    }

    @Override
    public Page<ChatSpike> listSpikes(CreatorId creator, Instant from, Instant to, PageRequest page) {
        if (!from.isBefore(to)) {
            return new Page<>(List.of(), Optional.empty());
        }
        // "<instant>#" sorts before every "<instant>#<stream>", so these inclusive bounds make [from, to).
        SortKeyRange window = SortKeyRange.between(Keys.spikeSortKey(from, ""), Keys.spikeSortKey(to, ""));
        return Paging.page(items.table(), Query.table(Keys.creator(creator), window, false, 1), page,
                item -> items.entity(item, ChatSpike.class));
    }

    @Override
    public WriteResult<LiveClip> createLiveClip(LiveClip clip) {
        return items.create(items.item(Keys.liveClip(clip.creatorId(), clip.streamId(), clip.spikeStart()), clip), clip,
                LiveClip.class);
    }

    @Override
    public Optional<LiveClip> findLiveClip(CreatorId creator, StreamId stream, Instant spikeStart) {
        return items.find(Keys.liveClip(creator, stream, spikeStart), LiveClip.class);
    }

    @Override
    public WriteResult<LiveClip> updateLiveClip(LiveClip clip) {
        return items.update(Keys.liveClip(clip.creatorId(), clip.streamId(), clip.spikeStart()), clip);
    }

    @Override
    public List<LiveClip> listLiveClips(CreatorId creator, StreamId stream) {
        Query ofStream = Query.table(Keys.creator(creator), SortKeyRange.beginsWith(Keys.liveClipPrefix(stream)), false,
                100);
        return Paging.readAll(items.table(), ofStream).stream().map(item -> items.entity(item, LiveClip.class)).toList();
    }
}
