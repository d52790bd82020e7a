package dev.truss.domain.clip;

import dev.truss.domain.Text;
import dev.truss.domain.id.JobId;
import java.time.Instant;
import java.util.Objects;

/** Whether a clip exists as a video file yet. Each state carries what is true only in it. */
public sealed interface RenderState {

    record NotRendered() implements RenderState {
    }

    record Rendering(JobId job) implements RenderState {
        public Rendering {
            Objects.requireNonNull(job, "job");
        }
    }

    /** The rendered MP4 and its thumbnail, as object-storage keys. */
    record Rendered(String videoKey, String thumbnailKey, Instant at) implements RenderState {
        public Rendered {
            Objects.requireNonNull(videoKey, "video key");
            Objects.requireNonNull(thumbnailKey, "thumbnail key");
            Objects.requireNonNull(at, "at");
        }
    }

    record RenderFailed(String reason, Instant at) implements RenderState {
        public RenderFailed {
            reason = Text.required("failure reason", reason, 2000);
            Objects.requireNonNull(at, "at");
        }
    }
}
