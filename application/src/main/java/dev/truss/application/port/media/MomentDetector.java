package dev.truss.application.port.media;

import dev.truss.domain.Text;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;

/**
 * Proposes a video's moments and chapters: an AI model, or a local detector working from the
 * signals alone. It does not score: its judgements become signals next to the media's, and
 * the domain's scorer turns them into a score that lists every contribution.
 */
public interface MomentDetector {

    record Request(URI source, VideoProperties video, EngagementTimeline timeline) {
    }

    /** A proposed moment: where it is, the words to post it with, and the detector's own judgements (0–1, if any). */
    record Moment(TimeRange range, String title, String hookLine, String caption, OptionalDouble hookStrength,
                  OptionalDouble emotionalIntensity, String reason) {
        public Moment {
            Objects.requireNonNull(range, "range");
            title = Text.required("title", title, 100);
            hookLine = Text.optional("hook line", hookLine, 200);
            caption = Text.optional("caption", caption, 2200);
            reason = Text.optional("reason", reason, 500);
        }
    }

    /** What a model call cost, for the asset's record: the model and its tokens over every request. */
    record ModelUsage(String model, long inputTokens, long outputTokens, int requests) {
        public ModelUsage {
            model = Text.required("model", model, 100);
            if (inputTokens < 0 || outputTokens < 0 || requests < 0) {
                throw new IllegalArgumentException("token and request counts are never negative");
            }
        }
    }

    /**
     * What was found: moments, chapters, a timed transcript (empty when the detector cannot hear),
     * notes on what the detector repaired, fell back to or skipped (shown with the job), and what
     * a model call cost.
     */
    record Detection(List<Moment> moments, List<Chapter> chapters, List<TranscriptSegment> transcript,
                     List<String> notes, Optional<ModelUsage> usage) {
        public Detection {
            moments = List.copyOf(moments);
            chapters = List.copyOf(chapters);
            transcript = List.copyOf(transcript);
            notes = List.copyOf(notes);
            Objects.requireNonNull(usage, "usage");
        }

        /** A detection without transcript or model usage: the local detector's. */
        public Detection(List<Moment> moments, List<Chapter> chapters, List<String> notes) {
            this(moments, chapters, List.of(), notes, Optional.empty());
        }
    }

    /** Detects or throws {@link MediaException} (or the detector's own failure) for the job to retry. */
    Detection detect(Request request, IntConsumer percentDone);
}
