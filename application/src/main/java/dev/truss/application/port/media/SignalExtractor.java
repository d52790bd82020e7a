package dev.truss.application.port.media;

import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.virality.EngagementTimeline;
import java.net.URI;
import java.util.function.IntConsumer;

/** Measures a video's engagement signals (loudness, silences, scene cuts, motion) in one decoding pass. */
public interface SignalExtractor {

    /** The video's signals; throws {@link MediaException} when the file cannot be decoded. */
    EngagementTimeline extract(URI source, VideoProperties video, IntConsumer percentDone);
}
