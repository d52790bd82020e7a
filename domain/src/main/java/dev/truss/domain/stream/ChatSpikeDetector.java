package dev.truss.domain.stream;

import dev.truss.domain.id.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches one stream's chat and reports bursts of messages well above the stream's usual rate.
 *
 * <p>Messages are counted in fixed buckets. Once a bucket can no longer receive late messages it
 * is judged: the rolling window ending with it is <em>hot</em> when, after warm-up, its rate is at
 * least {@code minimumIntensity} × the baseline <em>and</em> its message count is a significant
 * surprise for a Poisson chat at the baseline rate. A run of hot windows becomes a spike only if
 * it lasts long enough to come from a burst of at least {@code minimumBurst}; spikes closer than
 * {@code mergeGap} are merged.
 *
 * <p>The baseline is an EWMA of the per-bucket rate (a running mean while young), learned from
 * buckets as they leave the window and floored so a quiet chat is not judged against zero. A
 * bucket that belongs to a spike is learned clipped to the spike threshold: a spike barely raises
 * the baseline, yet an audience that has really grown for good (a raid that stays) is absorbed
 * within about one half-life per doubling.
 *
 * <p>A spike is reported <em>when it ends</em>: once the merge gap has passed with no new burst,
 * or at {@link #closeAt}; with the defaults that is 65 s after its end (merge gap 30 s, plus
 * the 20 s a merging burst could reach back into its window, plus lateness and the bucket, 15 s). Reporting at the start
 * would mean reporting before the peak, end and message count are known. Memory is a fixed ring of buckets: no message is kept.
 *
 * <p>Not thread-safe: one detector per stream, fed by one caller at a time.
 */
public final class ChatSpikeDetector {

    private final StreamId streamId;
    private final ChatSpikeSettings settings;
    private final long[] messages;
    private final double[] weights;
    private long acceptedMessages;
    private long lateMessagesDropped;
    private long newestBucket;
    private long judgedThroughBucket;
    private long evaluatedBuckets;
    private double baselineMessages;
    private double baselineWeight;
    private Optional<SpikeInProgress> running;
    private Optional<SpikeInProgress> awaitingGap;

    private ChatSpikeDetector(ChatSpikeState state) {
        streamId = state.streamId();
        settings = state.settings();
        messages = state.messagesPerSlot().stream().mapToLong(Long::longValue).toArray();
        weights = state.weightPerSlot().stream().mapToDouble(Double::doubleValue).toArray();
        acceptedMessages = state.acceptedMessages();
        lateMessagesDropped = state.lateMessagesDropped();
        newestBucket = state.newestBucket();
        judgedThroughBucket = state.judgedThroughBucket();
        evaluatedBuckets = state.evaluatedBuckets();
        baselineMessages = state.baselineMessagesPerBucket();
        baselineWeight = state.baselineWeightPerBucket();
        running = state.running();
        awaitingGap = state.awaitingGap();
    }

    /** A detector for a stream whose chat has not started yet. */
    public static ChatSpikeDetector start(StreamId streamId, ChatSpikeSettings settings) {
        return new ChatSpikeDetector(ChatSpikeState.fresh(streamId, settings));
    }

    /** Continues exactly where the detector that produced {@code state} left off. */
    public static ChatSpikeDetector resume(ChatSpikeState state) {
        return new ChatSpikeDetector(Objects.requireNonNull(state, "state"));
    }

    /**
     * Counts one message and returns the spikes that ended as a result (usually none). A message
     * older than {@code allowedLateness} behind the newest one is dropped and counted in the state:
     * its bucket has already been judged. The first message starts the stream's clock.
     */
    public List<ChatSpike> accept(Instant at, String textOrEmpty) {
        Objects.requireNonNull(textOrEmpty, "text (empty when unknown)");
        long bucket = bucketOf(at);
        List<ChatSpike> reported = new ArrayList<>();
        if (acceptedMessages == 0) {
            // Leave room behind the first message for the ones that overtook it in delivery.
            newestBucket = bucket;
            judgedThroughBucket = bucket - settings.latenessBuckets() - 1;
        } else if (bucket <= judgedThroughBucket) {
            lateMessagesDropped++;
            return List.of();
        }
        moveClockTo(bucket, reported);
        messages[slot(bucket)]++;
        weights[slot(bucket)] += ChatExcitement.weightOf(textOrEmpty, settings.excitementWeightCap());
        acceptedMessages++;
        return List.copyOf(reported);
    }

    /** {@link #accept} for each message in order; returns every spike that ended. */
    public List<ChatSpike> acceptAll(List<ChatMessage> chat) {
        List<ChatSpike> reported = new ArrayList<>();
        for (ChatMessage message : chat) {
            reported.addAll(accept(message.at(), message.text()));
        }
        return List.copyOf(reported);
    }

    /**
     * Time has reached {@code now} without (further) messages: judges the buckets that can no
     * longer receive late messages and returns spikes that ended. Late messages stay welcome.
     */
    public List<ChatSpike> advanceTo(Instant now) {
        if (acceptedMessages == 0) {
            return List.of();
        }
        List<ChatSpike> reported = new ArrayList<>();
        moveClockTo(bucketOf(now), reported);
        return List.copyOf(reported);
    }

    /**
     * The stream (or this stretch of chat) ended at {@code end}: judges every bucket before it,
     * reports the spike in progress if it lasted long enough, and forgets the chat's recent
     * buckets (the baseline is kept), so a later restart cannot extend a reported spike.
     */
    public List<ChatSpike> closeAt(Instant end) {
        if (acceptedMessages == 0) {
            return List.of();
        }
        List<ChatSpike> reported = new ArrayList<>();
        judgeThrough(Math.max(newestBucket, bucketOf(end.minusMillis(1))), reported);
        running.ifPresent(run -> finish(run, reported));
        running = Optional.empty();
        awaitingGap.ifPresent(spike -> reported.add(spike.toSpike(streamId, settings.bucketMillis())));
        awaitingGap = Optional.empty();
        Arrays.fill(messages, 0);
        Arrays.fill(weights, 0);
        return List.copyOf(reported);
    }

    /** A snapshot of everything this detector knows; {@link #resume} turns it back into a detector. */
    public ChatSpikeState state() {
        return new ChatSpikeState(streamId, settings, acceptedMessages, lateMessagesDropped, newestBucket,
                judgedThroughBucket, evaluatedBuckets, Arrays.stream(messages).boxed().toList(),
                Arrays.stream(weights).boxed().toList(), baselineMessages, baselineWeight, running, awaitingGap);
    }

    private void moveClockTo(long bucket, List<ChatSpike> reported) {
        judgeThrough(bucket - settings.latenessBuckets() - 1, reported);
        for (long open = Math.max(newestBucket + 1, bucket - messages.length + 1); open <= bucket; open++) {
            clear(open);
        }
        newestBucket = Math.max(newestBucket, bucket);
    }

    private void judgeThrough(long lastBucket, List<ChatSpike> reported) {
        for (long bucket = judgedThroughBucket + 1; bucket <= lastBucket; bucket++) {
            if (bucket > newestBucket) {
                clear(bucket);
                newestBucket = bucket;
            }
            judge(bucket, reported);
            judgedThroughBucket = bucket;
        }
    }

    private void judge(long bucket, List<ChatSpike> reported) {
        if (evaluatedBuckets == 0 && messages[slot(bucket)] == 0) {
            // The chat starts at its earliest message, whichever message happened to arrive first.
            return;
        }
        evaluatedBuckets++;
        int window = settings.windowBuckets();
        long windowMessages = messagesBetween(bucket - window + 1, bucket);
        double windowWeight = 0;
        for (long b = bucket - window + 1; b <= bucket; b++) {
            windowWeight += weights[slot(b)];
        }
        double floor = settings.baselineFloorPerBucket();
        double expectedMessages = Math.max(floor, baselineMessages);
        double expectedWeight = Math.max(floor, baselineWeight);
        double ratePerMinute = windowWeight / window * settings.bucketsPerMinute();
        double baselinePerMinute = expectedWeight * settings.bucketsPerMinute();
        boolean hot = evaluatedBuckets > settings.warmUpBuckets()
                && ratePerMinute / baselinePerMinute >= settings.minimumIntensity()
                && PoissonTail.atLeast(windowMessages, expectedMessages * window) <= settings.significance();

        long bucketMessages = messages[slot(bucket)];
        awaitingGap = awaitingGap.map(spike -> spike.passed(bucketMessages));
        if (hot) {
            running = Optional.of(heat(bucket, ratePerMinute, baselinePerMinute, expectedWeight));
        } else {
            running.ifPresent(run -> finish(run.passed(bucketMessages), reported));
            running = Optional.empty();
        }
        reportIfNothingCanMerge(bucket, reported);
        learn(bucket - settings.windowBuckets() + 1, expectedMessages, expectedWeight);
    }

    /** Extends the current run with a hot window, or opens one at the first busy bucket in it. */
    private SpikeInProgress heat(long bucket, double ratePerMinute, double baselinePerMinute, double expectedWeight) {
        double busyBucket = settings.minimumIntensity() * expectedWeight;
        long from = bucket - settings.windowBuckets() + 1;
        SpikeInProgress run;
        if (running.isPresent()) {
            run = running.get().passed(messages[slot(bucket)]);
            from = Math.max(from, run.startBucket());
        } else {
            // Buckets up to the spike awaiting the gap already belong to it.
            from = Math.max(from, awaitingGap.map(spike -> spike.lastHotBucket() + 1).orElse(from));
            long start = bucket;
            for (long b = bucket; b >= from; b--) {
                start = weights[slot(b)] >= busyBucket ? b : start;
            }
            run = SpikeInProgress.openedAt(start, weights[slot(start)], messages[slot(start)],
                    messagesBetween(start + 1, bucket));
            from = start;
        }
        for (long b = from; b <= bucket; b++) {
            if (weights[slot(b)] >= busyBucket) {
                run = run.hotAt(b, weights[slot(b)], messagesBetween(b + 1, bucket));
            }
        }
        return run.hotWindow(ratePerMinute, baselinePerMinute);
    }

    /** A run of hot windows ended: a blip is forgotten, a burst joins or becomes the spike awaiting the gap. */
    private void finish(SpikeInProgress run, List<ChatSpike> reported) {
        if (run.hotEvaluations() < settings.sustainEvaluations()) {
            return;
        }
        Optional<SpikeInProgress> merged = awaitingGap
                .filter(spike -> spike.bucketsBetweenEndAnd(run.startBucket()) < settings.mergeGapBuckets())
                .map(spike -> spike.mergedWith(run));
        if (merged.isEmpty()) {
            awaitingGap.ifPresent(spike -> reported.add(spike.toSpike(streamId, settings.bucketMillis())));
        }
        awaitingGap = Optional.of(merged.orElse(run));
    }

    /** Reports the spike awaiting the gap once no current or future run could start within the gap. */
    private void reportIfNothingCanMerge(long bucket, List<ChatSpike> reported) {
        long earliestNextStart = bucket - settings.windowBuckets() + 2;
        long nextStart = running.map(run -> Math.min(run.startBucket(), earliestNextStart)).orElse(earliestNextStart);
        Optional<SpikeInProgress> done = awaitingGap
                .filter(spike -> spike.bucketsBetweenEndAnd(nextStart) >= settings.mergeGapBuckets());
        done.ifPresent(spike -> {
            reported.add(spike.toSpike(streamId, settings.bucketMillis()));
            awaitingGap = Optional.empty();
        });
    }

    /**
     * Learns the bucket leaving the rolling window, so a window is always judged against a baseline
     * from before it, and by then it is known whether the bucket belongs to a spike. An EWMA, but
     * a running mean while fewer buckets than its memory have been seen, so the first minutes are
     * not biased towards zero.
     */
    private void learn(long bucket, double expectedMessages, double expectedWeight) {
        long learned = evaluatedBuckets - settings.windowBuckets() + 1;
        if (learned <= 0) {
            return;
        }
        double rate = Math.max(settings.baselineLearningRate(), 1.0 / learned);
        double bucketMessages = messages[slot(bucket)];
        double bucketWeight = weights[slot(bucket)];
        if (partOfSpike(bucket)) {
            bucketMessages = Math.min(bucketMessages, settings.minimumIntensity() * expectedMessages);
            bucketWeight = Math.min(bucketWeight, settings.minimumIntensity() * expectedWeight);
        }
        baselineMessages += rate * (bucketMessages - baselineMessages);
        baselineWeight += rate * (bucketWeight - baselineWeight);
    }

    private boolean partOfSpike(long bucket) {
        return running.filter(run -> bucket >= run.startBucket()).isPresent()
                || awaitingGap.filter(spike -> bucket >= spike.startBucket() && bucket <= spike.lastHotBucket()).isPresent();
    }

    private long messagesBetween(long first, long last) {
        long sum = 0;
        for (long b = first; b <= last; b++) {
            sum += messages[slot(b)];
        }
        return sum;
    }

    private void clear(long bucket) {
        messages[slot(bucket)] = 0;
        weights[slot(bucket)] = 0;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) messages.length);
    }

    private long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), settings.bucketMillis());
    }
}
