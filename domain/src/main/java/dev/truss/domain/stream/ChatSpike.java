package dev.truss.domain.stream;

import dev.truss.domain.id.StreamId;
import java.time.Instant;
import java.util.Objects;

/**
 * A burst of live-chat activity well above the stream's usual rate. Rates are messages
 * per minute, an excited message counting up to {@link ChatSpikeSettings#excitementWeightCap()}
 * (see {@link ChatExcitement}); intensity is how far the peak rose above the baseline
 * (peak / baseline). The spike covers [start, end); peak is the start of its busiest bucket, the
 * peak rate the highest rolling-window rate, and message count the plain number of messages.
 */
public record ChatSpike(
        StreamId streamId,
        Instant start,
        Instant peak,
        Instant end,
        double peakRatePerMinute,
        double baselineRatePerMinute,
        double intensity,
        long messageCount) {

    public ChatSpike {
        Objects.requireNonNull(streamId, "stream id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(end, "end");
        if (start.isAfter(peak) || peak.isAfter(end)) {
            throw new IllegalArgumentException("a spike runs start ≤ peak ≤ end, got " + start + ", " + peak + ", " + end);
        }
        if (peakRatePerMinute < 0 || baselineRatePerMinute < 0 || intensity < 0 || messageCount < 0) {
            throw new IllegalArgumentException("spike rates, intensity and counts are never negative");
        }
    }
}
