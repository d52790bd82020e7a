package dev.truss.domain.platform;

import dev.truss.domain.Text;
import java.time.Instant;
import java.util.List;
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

    /** Posted; {@code notes} tell the creator what the platform did of its own (posted it privately, as a link). */
    record Published(String remoteId, String url, Instant at, List<String> notes) implements PublicationState {
        /** A platform has a handful to say; longer notes are cut, later ones dropped. */
        public static final int MAX_NOTES = 5;

        public Published {
            remoteId = Text.required("remote id", remoteId, 500);
            url = Text.required("url", url, 2000);
            Objects.requireNonNull(at, "at");
            notes = notes == null ? List.of() : notes.stream().limit(MAX_NOTES)
                    .map(note -> Text.required("note", note.length() > 500 ? note.substring(0, 499) + "…" : note, 500))
                    .toList();
        }

        public Published(String remoteId, String url, Instant at) {
            this(remoteId, url, at, List.of());
        }
    }

    record Failed(String reason, Instant at) implements PublicationState {
        public Failed {
            reason = Text.required("failure reason", reason, 2000);
            Objects.requireNonNull(at, "at");
        }
    }
}
