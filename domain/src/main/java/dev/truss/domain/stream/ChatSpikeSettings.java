package dev.truss.domain.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ChatSpikeDetector} judges a chat. Every duration is a whole number of buckets, so
 * the detector can count in buckets and its memory stays a fixed ring of
 * {@code window + allowedLateness + 1} buckets. See {@link #defaults()} for the reasoning behind
 * each default.
 *
 * @param bucket                the resolution of time: messages are counted per bucket
 * @param window                the rolling window whose rate is compared with the baseline
 * @param warmUp                time after the first message during which the baseline is learned and no spike may start
 * @param baselineHalfLife      how quickly the baseline (an EWMA of the rate) forgets
 * @param minimumIntensity      how many times the baseline the rolling rate must reach
 * @param significance          the largest Poisson tail probability still called a spike (lower is stricter)
 * @param baselineFloorPerMinute the baseline never counts as lower than this, so a near-silent chat is not judged against zero
 * @param minimumBurst          bursts shorter than this (such as one busy bucket) are not spikes
 * @param mergeGap              spikes closer together than this are reported as one
 * @param allowedLateness       how late a message may arrive and still be counted in its own bucket
 * @param excitementWeightCap   the most one excited message counts for; 1 counts every message as 1
 */
public record ChatSpikeSettings(
        Duration bucket,
        Duration window,
        Duration warmUp,
        Duration baselineHalfLife,
        double minimumIntensity,
        double significance,
        double baselineFloorPerMinute,
        Duration minimumBurst,
        Duration mergeGap,
        Duration allowedLateness,
        double excitementWeightCap) {

    private static final long MAX_RING_BUCKETS = 10_000;

    public ChatSpikeSettings {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.toMillis() < 1 || !bucket.equals(Duration.ofMillis(bucket.toMillis()))) {
            throw new IllegalArgumentException("a bucket is a positive whole number of milliseconds, got " + bucket);
        }
        requireBuckets("window", window, bucket, 1);
        requireBuckets("warm-up", warmUp, bucket, 0);
        requireBuckets("minimum burst", minimumBurst, bucket, 1);
        requireBuckets("merge gap", mergeGap, bucket, 0);
        requireBuckets("allowed lateness", allowedLateness, bucket, 0);
        Objects.requireNonNull(baselineHalfLife, "baseline half-life");
        if (baselineHalfLife.compareTo(bucket) < 0) {
            throw new IllegalArgumentException("the baseline half-life is at least one bucket, got " + baselineHalfLife);
        }
        if (!(minimumIntensity > 1) || Double.isInfinite(minimumIntensity)) {
            throw new IllegalArgumentException("a spike rises above its baseline: minimum intensity > 1, got " + minimumIntensity);
        }
        if (!(significance > 0 && significance <= 0.5)) {
            throw new IllegalArgumentException("significance is a probability in (0, 0.5], got " + significance);
        }
        if (!(baselineFloorPerMinute > 0) || Double.isInfinite(baselineFloorPerMinute)) {
            throw new IllegalArgumentException("the baseline floor is a positive rate, got " + baselineFloorPerMinute);
        }
        if (!(excitementWeightCap >= 1) || Double.isInfinite(excitementWeightCap)) {
            throw new IllegalArgumentException("an excited message counts at least 1, got cap " + excitementWeightCap);
        }
        if (window.toMillis() / bucket.toMillis() + allowedLateness.toMillis() / bucket.toMillis() >= MAX_RING_BUCKETS) {
            throw new IllegalArgumentException("window plus lateness spans too many buckets (at most " + MAX_RING_BUCKETS + ")");
        }
    }

    /**
     * The defaults, tuned for live chats from a few to a few thousand messages a minute.
     * <ul>
     *   <li>bucket 5 s: chat reacts within seconds; finer buckets add state, not insight.</li>
     *   <li>window 30 s: long enough that a small chat has messages to test, short enough to pin a moment.</li>
     *   <li>warm-up 2 min: stream openings are greetings, not moments, and 24 buckets give a first baseline.</li>
     *   <li>baseline half-life 10 min: follows audience growth over tens of minutes (a doubling in an
     *       hour lags by about 1.2×, well under the threshold) while a one-minute spike barely moves it.</li>
     *   <li>minimum intensity 2×: the product's long-standing meaning of a spike; significance and minimum burst now guard it against noise.</li>
     *   <li>significance 0.001: the window's message count must be a one-in-a-thousand surprise for a
     *       Poisson chat at the baseline rate, so a handful of messages in a quiet chat is not a spike.</li>
     *   <li>baseline floor 3 messages a minute: below that, a chat is judged as if it had 3.</li>
     *   <li>minimum burst 10 s (two buckets): a single busy bucket is a blip.</li>
     *   <li>merge gap 30 s: a reaction, a lull and a second reaction read as one moment.</li>
     *   <li>allowed lateness 10 s: covers ordinary delivery jitter while keeping reports prompt.</li>
     *   <li>excitement weight cap 2: an excited message counts at most as two.</li>
     * </ul>
     */
    public static ChatSpikeSettings defaults() {
        return new ChatSpikeSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                2.0,
                0.001,
                3.0,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                2.0);
    }

    /** The same settings counting every message as one, whatever its text. */
    public ChatSpikeSettings countingEveryMessageAsOne() {
        return new ChatSpikeSettings(bucket, window, warmUp, baselineHalfLife, minimumIntensity, significance,
                baselineFloorPerMinute, minimumBurst, mergeGap, allowedLateness, 1.0);
    }

    long bucketMillis() {
        return bucket.toMillis();
    }

    int windowBuckets() {
        return (int) (window.toMillis() / bucketMillis());
    }

    int latenessBuckets() {
        return (int) (allowedLateness.toMillis() / bucketMillis());
    }

    long warmUpBuckets() {
        return warmUp.toMillis() / bucketMillis();
    }

    long mergeGapBuckets() {
        return mergeGap.toMillis() / bucketMillis();
    }

    /** The ring holds the window behind the oldest open bucket plus every bucket still open to late messages. */
    int ringBuckets() {
        return windowBuckets() + latenessBuckets() + 1;
    }

    /**
     * A burst of b buckets keeps the rolling window hot for up to b + window − 1 evaluations,
     * so requiring this many hot evaluations rejects bursts shorter than the minimum burst.
     */
    long sustainEvaluations() {
        return windowBuckets() - 1 + minimumBurst.toMillis() / bucketMillis();
    }

    double bucketsPerMinute() {
        return 60_000.0 / bucketMillis();
    }

    double baselineFloorPerBucket() {
        return baselineFloorPerMinute / bucketsPerMinute();
    }

    /** The EWMA weight of one bucket that halves an old bucket's influence every half-life. */
    double baselineLearningRate() {
        return 1 - Math.pow(0.5, (double) bucketMillis() / baselineHalfLife.toMillis());
    }

    private static void requireBuckets(String name, Duration duration, Duration bucket, long atLeast) {
        Objects.requireNonNull(duration, name);
        long millis = duration.toMillis();
        if (duration.isNegative() || !duration.equals(Duration.ofMillis(millis)) || millis % bucket.toMillis() != 0
                || millis / bucket.toMillis() < atLeast) {
            throw new IllegalArgumentException("the " + name + " is a whole number of buckets (at least " + atLeast
                    + " of " + bucket + "), got " + duration);
        }
    }
}
