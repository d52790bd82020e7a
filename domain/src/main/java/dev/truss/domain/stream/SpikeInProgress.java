package dev.truss.domain.stream;

import dev.truss.domain.id.StreamId;
import java.time.Instant;

/**
 * A spike the detector has seen start but not yet reported: either a run of hot windows still
 * going, or a finished run waiting out the merge gap in case the chat flares up again.
 * Positions are bucket indices (epoch milliseconds / bucket size), so the value is independent
 * of where the ring buffer happens to stand.
 *
 * @param startBucket            the first bucket busy enough on its own to be part of the spike
 * @param lastHotBucket          the latest such bucket; the spike ends where it ends
 * @param peakBucket             the busiest bucket
 * @param peakBucketWeight       its (weighted) message count
 * @param peakRatePerMinute      the highest rolling rate while hot
 * @param baselineAtPeakPerMinute the baseline the peak rate was judged against
 * @param hotEvaluations         how many bucket evaluations found the rolling window hot
 * @param messagesThroughLastHot messages from the start through the last hot bucket
 * @param messagesAfterLastHot   messages in evaluated buckets after the last hot one (they join the
 *                               spike if it heats up again)
 */
public record SpikeInProgress(
        long startBucket,
        long lastHotBucket,
        long peakBucket,
        double peakBucketWeight,
        double peakRatePerMinute,
        double baselineAtPeakPerMinute,
        long hotEvaluations,
        long messagesThroughLastHot,
        long messagesAfterLastHot) {

    public SpikeInProgress {
        if (startBucket > peakBucket || peakBucket > lastHotBucket) {
            throw new IllegalArgumentException("a spike runs start ≤ peak ≤ last hot bucket, got "
                    + startBucket + ", " + peakBucket + ", " + lastHotBucket);
        }
        if (hotEvaluations < 0 || messagesThroughLastHot < 0 || messagesAfterLastHot < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    static SpikeInProgress openedAt(long bucket, double weight, long messages, long messagesAfter) {
        return new SpikeInProgress(bucket, bucket, bucket, weight, 0, 0, 0, messages, messagesAfter);
    }

    /** Another bucket was evaluated while this spike is open. */
    SpikeInProgress passed(long messages) {
        return new SpikeInProgress(startBucket, lastHotBucket, peakBucket, peakBucketWeight, peakRatePerMinute,
                baselineAtPeakPerMinute, hotEvaluations, messagesThroughLastHot, messagesAfterLastHot + messages);
    }

    /** {@code bucket} was busy on its own; {@code messagesSince} is what arrived after it up to now. */
    SpikeInProgress hotAt(long bucket, double weight, long messagesSince) {
        long last = lastHotBucket;
        long through = messagesThroughLastHot;
        long after = messagesAfterLastHot;
        if (bucket > last) {
            through += after - messagesSince;
            after = messagesSince;
            last = bucket;
        }
        boolean busier = weight > peakBucketWeight;
        return new SpikeInProgress(startBucket, last, busier ? bucket : peakBucket, busier ? weight : peakBucketWeight,
                peakRatePerMinute, baselineAtPeakPerMinute, hotEvaluations, through, after);
    }

    /** The rolling window was hot at this rate. */
    SpikeInProgress hotWindow(double ratePerMinute, double baselinePerMinute) {
        boolean higher = ratePerMinute > peakRatePerMinute;
        return new SpikeInProgress(startBucket, lastHotBucket, peakBucket, peakBucketWeight,
                higher ? ratePerMinute : peakRatePerMinute, higher ? baselinePerMinute : baselineAtPeakPerMinute,
                hotEvaluations + 1, messagesThroughLastHot, messagesAfterLastHot);
    }

    /** How many buckets lie between this spike's end and {@code bucket}. */
    long bucketsBetweenEndAnd(long bucket) {
        return bucket - (lastHotBucket + 1);
    }

    /**
     * This spike followed by a later one that started after it ended. Both have seen every
     * bucket evaluated so far, so the later one's messages are a suffix of this one's.
     */
    SpikeInProgress mergedWith(SpikeInProgress later) {
        boolean laterBusier = later.peakBucketWeight > peakBucketWeight;
        boolean laterHigher = later.peakRatePerMinute > peakRatePerMinute;
        long allMessages = messagesThroughLastHot + messagesAfterLastHot;
        return new SpikeInProgress(
                startBucket,
                later.lastHotBucket,
                laterBusier ? later.peakBucket : peakBucket,
                laterBusier ? later.peakBucketWeight : peakBucketWeight,
                laterHigher ? later.peakRatePerMinute : peakRatePerMinute,
                laterHigher ? later.baselineAtPeakPerMinute : baselineAtPeakPerMinute,
                hotEvaluations + later.hotEvaluations,
                allMessages - later.messagesAfterLastHot,
                later.messagesAfterLastHot);
    }

    ChatSpike toSpike(StreamId stream, long bucketMillis) {
        return new ChatSpike(
                stream,
                Instant.ofEpochMilli(startBucket * bucketMillis),
                Instant.ofEpochMilli(peakBucket * bucketMillis),
                Instant.ofEpochMilli((lastHotBucket + 1) * bucketMillis),
                peakRatePerMinute,
                baselineAtPeakPerMinute,
                peakRatePerMinute / baselineAtPeakPerMinute,
                messagesThroughLastHot);
    }
}
