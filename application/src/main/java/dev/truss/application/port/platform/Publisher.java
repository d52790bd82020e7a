package dev.truss.application.port.platform;

import dev.truss.domain.clip.Clip;
import dev.truss.domain.platform.Platform;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Posts a rendered clip to one platform. Publishing must never post twice: before bytes
 * flow the publisher reports a resume token (the platform's handle on the upload), which
 * the caller stores; given that token again after a crash, the publisher resumes or
 * confirms the upload instead of starting a new one.
 */
public interface Publisher {

    record Request(Clip clip, Path video, String title, String description, AccessToken token,
                   Optional<String> resumeToken) {
    }

    record Posted(String remoteId, String url) {
    }

    Platform platform();

    /** Posts the clip and returns where it is; throws {@link PlatformException} when the platform refuses. */
    Posted publish(Request request, Consumer<String> onResumeToken);
}
