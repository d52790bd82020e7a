package dev.truss.application.stream;

import dev.truss.application.common.DailyCounters;
import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.stream.ChatMessage;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.ChatSpikeDetector;
import dev.truss.domain.stream.ChatSpikeState;
import dev.truss.domain.stream.Stream;
import dev.truss.domain.stream.StreamState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Feeds a batch of live-chat messages to the stream's spike detector and stores the spikes
 * that ended. The detector's state is saved with the stream in one conditional write; two
 * batches racing are applied one after the other, never both to the same state.
 */
public final class IngestChat {

    /** The most messages one batch may carry: a busy chat sends a few hundred a second. */
    public static final int MAX_BATCH = 5_000;

    public record Ingested(Stream stream, List<ChatSpike> newSpikes) {
    }

    private final StreamStore streams;
    private final AnalyticsStore analytics;
    private final Clock clock;
    private final SpikeFollowUp followUp;

    public IngestChat(StreamStore streams, AnalyticsStore analytics, Clock clock) {
        this(streams, analytics, clock, SpikeFollowUp.NONE);
    }

    /** {@code followUp} hears of every spike, while it runs and once it is stored (a live clip of it, on Twitch). */
    public IngestChat(StreamStore streams, AnalyticsStore analytics, Clock clock, SpikeFollowUp followUp) {
        this.streams = streams;
        this.analytics = analytics;
        this.clock = clock;
        this.followUp = followUp;
    }

    public Outcome<Ingested> execute(CreatorId creator, StreamId streamId, List<ChatMessage> messages) {
        if (messages.size() > MAX_BATCH) {
            return Outcome.rejected("send at most " + MAX_BATCH + " messages per batch, not " + messages.size());
        }
        Instant now = clock.instant();
        Optional<ChatMessage> fromFuture = messages.stream().filter(m -> m.at().isAfter(now.plusSeconds(60)))
                .findFirst();
        if (fromFuture.isPresent()) {
            return Outcome.rejected("a message is dated " + fromFuture.get().at() + ", in the future; send times in UTC");
        }
        List<ChatMessage> inOrder = messages.stream().sorted(Comparator.comparing(ChatMessage::at)).toList();
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Stream> stream = streams.find(creator, streamId);
            if (stream.isEmpty()) {
                return Outcome.notFound("no stream " + streamId);
            }
            if (stream.get().state() == StreamState.ENDED) {
                return Outcome.rejected("the stream has ended; its chat is no longer watched");
            }
            ChatSpikeDetector detector = ChatSpikeDetector.resume(stream.get().chat());
            List<ChatSpike> spikes = new ArrayList<>(detector.acceptAll(inOrder));
            spikes.addAll(detector.advanceTo(now));
            WriteResult<Stream> saved = streams.update(stream.get().withChat(detector.state()));
            if (saved instanceof WriteResult.Written<Stream> written) {
                record(written.value(), spikes, messages.size());
                // A spike running now is followed up at once (a live clip must be asked for while it is
                // live), once: the batches that follow while it still runs ask nothing more.
                Optional<Instant> before = stream.get().chat().runningSpike().map(ChatSpikeState.RunningSpike::start);
                detector.state().runningSpike().filter(running -> !before.equals(Optional.of(running.start())))
                        .ifPresent(running -> followUp.spiked(written.value(), running.start(), running.hotUntil()));
                return Outcome.ok(new Ingested(written.value(), spikes));
            }
        }
        return Outcome.conflict("the stream's chat is busy; send the batch again");
    }

    /** Closes the stream's chat at {@code end}, storing a spike that was still going; the stream with its closed chat. */
    Stream close(Stream stream, Instant end) {
        ChatSpikeDetector detector = ChatSpikeDetector.resume(stream.chat());
        record(stream, detector.closeAt(end), 0);
        return stream.withChat(detector.state());
    }

    private void record(Stream stream, List<ChatSpike> spikes, int messages) {
        CreatorId creator = stream.creatorId();
        spikes.forEach(spike -> streams.saveSpike(creator, spike));
        DailyCounters.add(analytics, clock, creator, Metric.CHAT_MESSAGES, messages);
        DailyCounters.add(analytics, clock, creator, Metric.CHAT_SPIKES, spikes.size());
        spikes.forEach(spike -> followUp.spiked(stream, spike.start(), spike.end()));
    }
}
