package dev.truss.application.fake;

import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Streams, their chat spikes and their live clips in memory, per creator. */
public final class InMemoryStreamStore implements StreamStore {

    private final Map<CreatorId, NavigableMap<String, Stream>> streams = new HashMap<>();
    /** Keyed by start then stream, so a key range is a time range and a repeated spike lands on itself. */
    private final Map<CreatorId, NavigableMap<String, ChatSpike>> spikes = new HashMap<>();
    /** Keyed by stream then spike start. */
    private final Map<CreatorId, NavigableMap<String, LiveClip>> liveClips = new HashMap<>();

    @Override
    public synchronized WriteResult<Stream> create(Stream stream) {
        return Rows.create(streamsOf(stream.creatorId()), stream.id().value(), stream);
    }

    @Override
    public synchronized Optional<Stream> find(CreatorId creator, StreamId stream) {
        return Optional.ofNullable(streamsOf(creator).get(stream.value()));
    }

    @Override
    public synchronized Page<Stream> listNewestFirst(CreatorId creator, PageRequest page) {
        return Rows.page(streamsOf(creator).descendingMap(), page);
    }

    @Override
    public synchronized WriteResult<Stream> update(Stream stream) {
        return Rows.update(streamsOf(stream.creatorId()), stream.id().value(), stream);
    }

    @Override
    public synchronized void saveSpike(CreatorId creator, ChatSpike spike) {
        spikesOf(creator).put(spikeKey(spike.start(), spike.streamId().value()), spike);
    }

    @Override
    public synchronized Page<ChatSpike> listSpikes(CreatorId creator, Instant from, Instant to, PageRequest page) {
        if (!from.isBefore(to)) {
            return new Page<>(List.of(), Optional.empty());
        }
        // "<instant>#" sorts before every "<instant>#<stream>", so these bounds make [from, to).
        NavigableMap<String, ChatSpike> window = spikesOf(creator).subMap(spikeKey(from, ""), true, spikeKey(to, ""), false);
        return Rows.page(window, page);
    }

    @Override
    public synchronized WriteResult<LiveClip> createLiveClip(LiveClip clip) {
        return Rows.create(liveClipsOf(clip.creatorId()), liveClipKey(clip.streamId(), clip.spikeStart()), clip);
    }

    @Override
    public synchronized Optional<LiveClip> findLiveClip(CreatorId creator, StreamId stream, Instant spikeStart) {
        return Optional.ofNullable(liveClipsOf(creator).get(liveClipKey(stream, spikeStart)));
    }

    @Override
    public synchronized WriteResult<LiveClip> updateLiveClip(LiveClip clip) {
        return Rows.update(liveClipsOf(clip.creatorId()), liveClipKey(clip.streamId(), clip.spikeStart()), clip);
    }

    @Override
    public synchronized List<LiveClip> listLiveClips(CreatorId creator, StreamId stream) {
        return List.copyOf(liveClipsOf(creator).subMap(stream.value() + "#", stream.value() + "$").values());
    }

    private static String liveClipKey(StreamId stream, Instant spikeStart) {
        return stream.value() + "#" + spikeKey(spikeStart, "");
    }

    private NavigableMap<String, LiveClip> liveClipsOf(CreatorId creator) {
        return liveClips.computeIfAbsent(creator, any -> new TreeMap<>());
    }

    /** Fixed-width seconds and nanos sort like the instants they encode (from 1970 on). */
    private static String spikeKey(Instant start, String stream) {
        return String.format("%019d.%09d#%s", start.getEpochSecond(), start.getNano(), stream);
    }

    private NavigableMap<String, Stream> streamsOf(CreatorId creator) {
        return streams.computeIfAbsent(creator, any -> new TreeMap<>());
    }

    private NavigableMap<String, ChatSpike> spikesOf(CreatorId creator) {
        return spikes.computeIfAbsent(creator, any -> new TreeMap<>());
    }
}
