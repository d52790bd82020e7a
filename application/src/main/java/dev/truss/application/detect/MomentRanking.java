package dev.truss.application.detect;

import dev.truss.application.port.media.MomentDetector;
import dev.truss.domain.moment.Candidate;
import dev.truss.domain.moment.CutPoints;
import dev.truss.domain.moment.MomentSelector;
import dev.truss.domain.moment.SelectedMoment;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.ViralityScore;
import dev.truss.domain.virality.ViralityScorer;
import dev.truss.domain.virality.WindowSignals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a detector's proposals into the clips worth making: scores each proposed moment with the
 * domain's scorer over the window's measured signals plus the detector's judgements, then lets the
 * domain's {@link MomentSelector} pick the best that do not overlap, boundaries snapped to silences
 * and scene cuts. Moments ending after the video are dropped, and a range proposed twice counts
 * once (the first proposal keeps its words). Pure and deterministic.
 */
public final class MomentRanking {

    /**
     * A moment chosen to become a clip: its final (snapped) range, its score, and the detector's
     * proposal it came from, whose range is the one before snapping and whose words it is posted with.
     */
    public record Pick(TimeRange range, ViralityScore score, MomentDetector.Moment moment) {
        public Pick {
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(moment, "moment");
        }

        public String title() {
            return moment.title();
        }

        public String hookLine() {
            return moment.hookLine();
        }

        public String caption() {
            return moment.caption();
        }
    }

    private MomentRanking() {
    }

    /** At most {@code policy.maxClips()} picks, best score first. */
    public static List<Pick> rank(EngagementTimeline timeline, MomentDetector.Detection detection,
                                  ViralityScorer scorer, SelectionPolicy policy) {
        Map<TimeRange, MomentDetector.Moment> byRange = new HashMap<>();
        List<MomentDetector.Moment> scored = new ArrayList<>();
        for (MomentDetector.Moment moment : detection.moments()) {
            boolean inside = moment.range().endMs() <= timeline.durationMs();
            if (inside && byRange.putIfAbsent(moment.range(), moment) == null) {
                scored.add(moment);
            }
        }
        List<WindowSignals> windows = timeline.summariseEach(
                scored.stream().map(MomentDetector.Moment::range).toList());
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            MomentDetector.Moment moment = scored.get(i);
            candidates.add(new Candidate(moment.range(), scorer.score(withJudgements(windows.get(i), moment))));
        }
        List<SelectedMoment> selected = new MomentSelector(policy)
                .select(candidates, CutPoints.of(timeline), timeline.durationMs());
        return selected.stream()
                .map(pick -> new Pick(pick.range(), pick.score(), byRange.get(pick.candidateRange())))
                .toList();
    }

    private static WindowSignals withJudgements(WindowSignals window, MomentDetector.Moment moment) {
        WindowSignals judged = moment.hookStrength().isPresent()
                ? window.withHookStrength(moment.hookStrength().getAsDouble()) : window;
        return moment.emotionalIntensity().isPresent()
                ? judged.withEmotionalIntensity(moment.emotionalIntensity().getAsDouble()) : judged;
    }
}
