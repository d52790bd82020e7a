package dev.truss.application.port.storage;

import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A creator's live streams, the chat spikes found in them, and the clips the live platform cut at those spikes. */
public interface StreamStore {

    WriteResult<Stream> create(Stream stream);

    Optional<Stream> find(CreatorId creator, StreamId stream);

    Page<Stream> listNewestFirst(CreatorId creator, PageRequest page);

    WriteResult<Stream> update(Stream stream);

    /** Stores a spike; a spike with the same stream and start replaces the one stored, so a retry is harmless. */
    void saveSpike(CreatorId creator, ChatSpike spike);

    /** Spikes that started in [from, to), oldest first. */
    Page<ChatSpike> listSpikes(CreatorId creator, Instant from, Instant to, PageRequest page);

    /** Writes the live clip of a spike unless there is one, which is then returned: one per spike. */
    WriteResult<LiveClip> createLiveClip(LiveClip clip);

    Optional<LiveClip> findLiveClip(CreatorId creator, StreamId stream, Instant spikeStart);

    WriteResult<LiveClip> updateLiveClip(LiveClip clip);

    /** The stream's live clips, by spike start. */
    List<LiveClip> listLiveClips(CreatorId creator, StreamId stream);
}
