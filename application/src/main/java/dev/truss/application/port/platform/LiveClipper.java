package dev.truss.application.port.platform;

import dev.truss.domain.platform.Platform;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Clips a live broadcast on the platform itself (Twitch has no video upload: its clips are cut
 * from the live stream). This is how a chat spike becomes a Twitch clip. Like a publisher, it
 * reports the platform's id for the clip before waiting for it to be ready; given that id again
 * after a crash it confirms that clip instead of making a second.
 */
public interface LiveClipper {

    /** Clip the broadcast of {@code broadcasterId} now; {@code pendingClipId} from an earlier attempt. */
    record Request(String broadcasterId, AccessToken token, String title, Optional<String> pendingClipId) {
        public Request {
            Objects.requireNonNull(broadcasterId, "broadcaster id");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(pendingClipId, "pending clip id");
        }
    }

    Platform platform();

    /**
     * Creates the clip and waits until the platform lists it. {@link PlatformException} REFUSED when
     * the channel is not live or clipping is disabled, or when the clip never appeared.
     */
    Publisher.Posted clip(Request request, Consumer<String> onClipId);
}
