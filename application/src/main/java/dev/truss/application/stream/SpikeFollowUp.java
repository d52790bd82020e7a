package dev.truss.application.stream;

import dev.truss.domain.stream.Stream;
import java.time.Instant;

/**
 * What happens when a stream's chat spikes (on a live platform that clips, the spike may become a
 * clip there). Told as soon as a spike is seen running, and again when it is reported, each time
 * with the spike's start (the same both times) and the end of its latest hot stretch.
 */
@FunctionalInterface
public interface SpikeFollowUp {

    /** Nothing follows. */
    SpikeFollowUp NONE = (stream, start, hotUntil) -> { };

    void spiked(Stream stream, Instant start, Instant hotUntil);
}
