package dev.truss.domain.moment;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.ViralityScore;
import java.util.Objects;

/** A window of the video that was scored and may become a clip. */
public record Candidate(TimeRange range, ViralityScore score) {

    public Candidate {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(score, "score");
    }
}
