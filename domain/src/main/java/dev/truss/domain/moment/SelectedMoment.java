package dev.truss.domain.moment;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.ViralityScore;
import java.util.Objects;

/**
 * A moment chosen to become a clip: its final range after snapping, the score of the
 * candidate it came from, that candidate's original range, and how each boundary moved.
 */
public record SelectedMoment(TimeRange range, ViralityScore score, TimeRange candidateRange,
                             BoundarySnap startSnap, BoundarySnap endSnap) {

    public SelectedMoment {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(candidateRange, "candidate range");
        Objects.requireNonNull(startSnap, "start snap");
        Objects.requireNonNull(endSnap, "end snap");
    }
}
