package dev.truss.domain.moment;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.Contribution;
import dev.truss.domain.virality.Signal;
import dev.truss.domain.virality.ViralityScore;
import java.util.List;

/** One selection problem: a video, its cut points, scored candidates and a policy. */
record Scenario(long durationMs, SelectionPolicy policy, List<Candidate> candidates, CutPoints cuts) {

    List<SelectedMoment> select() {
        return new MomentSelector(policy).select(candidates, cuts, durationMs);
    }

    static Candidate candidate(long startMs, long endMs, int score) {
        return new Candidate(new TimeRange(startMs, endMs), score(score));
    }

    static ViralityScore score(int value) {
        return new ViralityScore(value, List.of(new Contribution(Signal.HOOK_STRENGTH, value / 100.0, 1, value, "Scored for a test.")));
    }
}
