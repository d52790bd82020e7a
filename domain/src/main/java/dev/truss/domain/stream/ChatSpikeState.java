package dev.truss.domain.stream;

import dev.truss.domain.id.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link ChatSpikeDetector} knows, as a value: persist it between ingest calls and
 * {@link ChatSpikeDetector#resume resume} to get exactly the spikes an uninterrupted run would.
 * Its size is fixed by the settings, never by how many messages the stream has had.
 *
 * @param acceptedMessages      messages counted so far; 0 means the stream has not started and the
 *                              bucket positions below mean nothing yet
 * @param lateMessagesDropped   messages that arrived after their bucket had already been judged
 * @param newestBucket          the latest bucket any message fell in
 * @param judgedThroughBucket   every bucket up to this one has been evaluated and is closed
 * @param evaluatedBuckets      how many buckets have been evaluated (drives warm-up and learning rate)
 * @param messagesPerSlot       message counts of the ring, slot = bucket mod ring size
 * @param weightPerSlot         excitement-weighted counts of the same buckets
 * @param baselineMessagesPerBucket the learned message rate (an EWMA), before the floor
 * @param baselineWeightPerBucket   the learned weighted rate (an EWMA), before the floor
 * @param running               a run of hot windows still going
 * @param awaitingGap           a finished spike not yet reported, in case the next run merges into it
 */
public record ChatSpikeState(
        StreamId streamId,
        ChatSpikeSettings settings,
        long acceptedMessages,
        long lateMessagesDropped,
        long newestBucket,
        long judgedThroughBucket,
        long evaluatedBuckets,
        List<Long> messagesPerSlot,
        List<Double> weightPerSlot,
        double baselineMessagesPerBucket,
        double baselineWeightPerBucket,
        Optional<SpikeInProgress> running,
        Optional<SpikeInProgress> awaitingGap) {

    public ChatSpikeState {
        Objects.requireNonNull(streamId, "stream id");
        Objects.requireNonNull(settings, "settings");
        messagesPerSlot = List.copyOf(messagesPerSlot);
        weightPerSlot = List.copyOf(weightPerSlot);
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(awaitingGap, "awaiting gap");
        int ring = settings.ringBuckets();
        if (messagesPerSlot.size() != ring || weightPerSlot.size() != ring) {
            throw new IllegalArgumentException("the ring holds " + ring + " buckets for these settings, got "
                    + messagesPerSlot.size() + " and " + weightPerSlot.size());
        }
        if (acceptedMessages < 0 || lateMessagesDropped < 0 || evaluatedBuckets < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        if (acceptedMessages > 0 && (judgedThroughBucket > newestBucket
                || newestBucket - judgedThroughBucket > ring - settings.windowBuckets())) {
            throw new IllegalArgumentException("the open buckets must fit in the ring: judged through "
                    + judgedThroughBucket + ", newest " + newestBucket);
        }
    }

    static ChatSpikeState fresh(StreamId streamId, ChatSpikeSettings settings) {
        List<Long> noMessages = java.util.Collections.nCopies(settings.ringBuckets(), 0L);
        List<Double> noWeight = java.util.Collections.nCopies(settings.ringBuckets(), 0.0);
        return new ChatSpikeState(streamId, settings, 0, 0, 0, 0, 0, noMessages, noWeight, 0, 0,
                Optional.empty(), Optional.empty());
    }

    /** A spike seen running: when it began (its start once reported) and the end of its latest hot bucket. */
    public record RunningSpike(Instant start, Instant hotUntil) {
    }

    /**
     * The spike running now, if one is: known as soon as its first hot window is judged, long
     * before it ends and is reported (the detector waits out the merge gap first).
     */
    public Optional<RunningSpike> runningSpike() {
        long bucket = settings.bucketMillis();
        return running.map(spike -> new RunningSpike(Instant.ofEpochMilli(spike.startBucket() * bucket),
                Instant.ofEpochMilli((spike.lastHotBucket() + 1) * bucket)));
    }
}
