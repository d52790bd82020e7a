package dev.truss.application.detect;

import dev.truss.application.port.media.MomentDetector;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.ViralityWeights;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;

/**
 * Proposes moments and chapters from a video's measured signals alone: no model, no account,
 * no network. It reads only the request's timeline, never the file.
 *
 * <p>Moments are {@linkplain CandidateWindows sliding windows} within the selection policy's
 * length bounds, the most promising of each stretch of the video (at most
 * {@value CandidateWindows#MAX_PROPOSALS}), titled and explained by {@link MomentWords} from
 * what was measured. Hook line and caption stay empty and so do the judgements: it is not an
 * AI, so the scorer ranks its moments on media signals only. Chapters come from
 * {@link SignalChapters}. Deterministic; thread-safe.
 */
public final class LocalMomentDetector implements MomentDetector {

    private final SelectionPolicy policy;
    private final ViralityWeights weights;

    /**
     * @param policy  the policy the moments will be selected with, so every window fits its bounds
     * @param weights the weights the moments will be scored with, so the windows kept are the ones the scorer favours
     */
    public LocalMomentDetector(SelectionPolicy policy, ViralityWeights weights) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** With the default weights. */
    public LocalMomentDetector(SelectionPolicy policy) {
        this(policy, ViralityWeights.defaults());
    }

    @Override
    public Detection detect(Request request, IntConsumer percentDone) {
        EngagementTimeline timeline = request.timeline();
        percentDone.accept(0);
        CandidateWindows.Kept kept = CandidateWindows.keep(timeline, policy, weights,
                percent -> percentDone.accept(percent * 90 / 100));
        List<Moment> moments = kept.windows().stream().map(window -> moment(window, timeline)).toList();
        List<Chapter> chapters = SignalChapters.of(timeline);
        percentDone.accept(100);
        return new Detection(moments, chapters, List.of(momentsNote(timeline, kept), chaptersNote(timeline, chapters)));
    }

    /** No hook line, caption or judgement: nothing here knows what is said or shown. */
    private static Moment moment(CandidateWindows.Window window, EngagementTimeline timeline) {
        return new Moment(window.range(), MomentWords.title(window.range(), window.signals(), timeline), "", "",
                OptionalDouble.empty(), OptionalDouble.empty(), MomentWords.reason(window.signals()));
    }

    private String momentsNote(EngagementTimeline timeline, CandidateWindows.Kept kept) {
        List<Long> lengths = CandidateWindows.lengthsMs(policy);
        String range = seconds(lengths.get(0)) + "–" + seconds(lengths.get(lengths.size() - 1));
        if (kept.windows().isEmpty()) {
            return "local detector: the video (" + seconds(timeline.durationMs()) + ") is shorter than the shortest clip ("
                    + seconds(policy.minLengthMs()) + "), so no moment was proposed";
        }
        return String.format(Locale.ROOT, "local detector: measured %d windows of %s and kept %d, the most promising"
                + " of each %s of the video; titles describe measured signals only", kept.measured(), range,
                kept.windows().size(), seconds(kept.regionMs()));
    }

    private static String chaptersNote(EngagementTimeline timeline, List<Chapter> chapters) {
        if (SignalChapters.maxChapters(timeline.durationMs()) == 1) {
            return "local detector: one chapter; the video is too short for more at about " + SignalChapters.PER_HOUR
                    + " an hour";
        }
        return chapters.size() == 1
                ? "local detector: one chapter; no long silence or change of editing pace lay far enough from the ends"
                : "local detector: " + chapters.size() + " chapters split at long silences and changes of editing pace ("
                + timeline.silences().size() + " silences, " + timeline.sceneCuts().size() + " scene cuts measured)";
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
