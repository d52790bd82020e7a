package dev.truss.application.port.platform;

import dev.truss.domain.clip.Clip;
import dev.truss.domain.platform.Platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Posts a rendered clip to one platform. Publishing must never post twice: before bytes
 * flow the publisher reports a resume token (the platform's handle on the upload), which
 * the caller stores; given that token again after a crash, the publisher resumes or
 * confirms the upload instead of starting a new one.
 */
public interface Publisher {

    /**
     * One clip to post. {@code downloadUrl} is a time-limited link to the same video, for a
     * platform that takes a link where the file is too large for it (a Discord webhook).
     */
    record Request(Clip clip, Path video, String title, String description, AccessToken token,
                   Optional<String> resumeToken, URI downloadUrl) {
        public Request {
            Objects.requireNonNull(clip, "clip");
            Objects.requireNonNull(video, "video");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(resumeToken, "resume token");
            Objects.requireNonNull(downloadUrl, "download url");
        }

        public Request withResumeToken(String token) {
            return new Request(clip, video, title, description, this.token, Optional.of(token), downloadUrl);
        }

        public Request withToken(AccessToken fresh) {
            return new Request(clip, video, title, description, fresh, resumeToken, downloadUrl);
        }
    }

    /**
     * Where the clip now is. {@code notes} tell the creator what they should know (posted
     * privately because the app is unaudited, posted as a link because the file was too large);
     * {@code quotaUnits} is what the post cost of the platform's daily quota (YouTube), else 0.
     */
    record Posted(String remoteId, String url, List<String> notes, long quotaUnits) {
        public Posted {
            Objects.requireNonNull(remoteId, "remote id");
            Objects.requireNonNull(url, "url");
            notes = List.copyOf(notes);
            if (quotaUnits < 0) {
                throw new IllegalArgumentException("quota units are never negative");
            }
        }

        public Posted(String remoteId, String url) {
            this(remoteId, url, List.of(), 0);
        }
    }

    Platform platform();

    /** Posts the clip and returns where it is; throws {@link PlatformException} when the platform refuses. */
    Posted publish(Request request, Consumer<String> onResumeToken);
}
