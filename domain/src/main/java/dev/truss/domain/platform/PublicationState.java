package dev.truss.domain.platform;

import dev.truss.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * Where publishing one clip to one platform stands. UPLOADING keeps what a restarted worker
 * needs to resume or confirm the upload instead of posting a second time.
 */
public sealed interface PublicationState {

    record Pending() implements PublicationState {
    }

    /** An upload under way; {@code resumeToken} is the platform's handle on it (e.g. a YouTube session URI). */
    record Uploading(String resumeToken, Instant since) implements PublicationState {
        public Uploading {
            Objects.requireNonNull(resumeToken, "resume token");
            Objects.requireNonNull(since, "since");
        }
    }

    record Published(String remoteId, String url, Instant at) implements PublicationState {
        public Published {
            remoteId = Text.required("remote id", remoteId, 500);
            url = Text.required("url", url, 2000);
            Objects.requireNonNull(at, "at");
        }
    }

    record Failed(String reason, Instant at) implements PublicationState {
        public Failed {
            reason = Text.required("failure reason", reason, 2000);
            Objects.requireNonNull(at, "at");
        }
    }
}
