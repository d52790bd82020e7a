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

    /** What to look at, and which detector the creator asked for (a detector that is not a chooser ignores it). */
    record Request(URI source, VideoProperties video, EngagementTimeline timeline, DetectorChoice choice) {
        public Request {
            Objects.requireNonNull(choice, "choice");
        }

        /** With the configured default detector ({@link DetectorChoice#AUTO}). */
        public Request(URI source, VideoProperties video, EngagementTimeline timeline) {
            this(source, video, timeline, DetectorChoice.AUTO);
        }
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

    /** The name a detection of the local detector carries in {@link Detection#detector()}. */
    String LOCAL = "local";

    /**
     * What was found: moments, chapters, a timed transcript (empty when the detector cannot hear),
     * notes on what the detector repaired, fell back to or skipped (shown with the job), what a
     * model call cost, and which detector proposed the moments ({@value #LOCAL}, or the model's
     * name): the asset's analysis records all of it.
     */
    record Detection(List<Moment> moments, List<Chapter> chapters, List<TranscriptSegment> transcript,
                     List<String> notes, Optional<ModelUsage> usage, String detector) {
        public Detection {
            moments = List.copyOf(moments);
            chapters = List.copyOf(chapters);
            transcript = List.copyOf(transcript);
            notes = List.copyOf(notes);
            Objects.requireNonNull(usage, "usage");
            detector = Text.required("detector", detector, 100);
        }

        /**
         * Named after the model of {@code usage}, or {@value #LOCAL} without one. A detector that
         * spent tokens and then fell back to the local one names {@value #LOCAL} itself, with the
         * canonical constructor, so the analysis does not credit the model with the local moments.
         */
        public Detection(List<Moment> moments, List<Chapter> chapters, List<TranscriptSegment> transcript,
                         List<String> notes, Optional<ModelUsage> usage) {
            this(moments, chapters, transcript, notes, usage, usage.map(ModelUsage::model).orElse(LOCAL));
        }

        /** A detection without transcript or model usage: the local detector's. */
        public Detection(List<Moment> moments, List<Chapter> chapters, List<String> notes) {
            this(moments, chapters, List.of(), notes, Optional.empty(), LOCAL);
        }

        /** The same detection with {@code note} first: what a chooser or a fallback adds. */
        public Detection withFirstNote(String note) {
            List<String> more = new java.util.ArrayList<>();
            more.add(note);
            more.addAll(notes);
            return new Detection(moments, chapters, transcript, more, usage, detector);
        }
    }

    /** Detects or throws {@link MediaException} (or the detector's own failure) for the job to retry. */
    Detection detect(Request request, IntConsumer percentDone);
}
