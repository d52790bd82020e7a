package dev.truss.application.port.media;

import dev.truss.domain.asset.VideoProperties;
import java.net.URI;

/** Looks inside a file and says whether it is a playable video, and what kind. */
public interface MediaProbe {

    sealed interface Result {
    }

    record Playable(VideoProperties video) implements Result {
    }

    /** Not a video Truss can use; {@code reason} is written for the creator ("the file has no video stream"). */
    record NotPlayable(String reason) implements Result {
    }

    /** Probes the file at {@code source} (a local file or a presigned download URL) without loading it whole. */
    Result probe(URI source);
}
