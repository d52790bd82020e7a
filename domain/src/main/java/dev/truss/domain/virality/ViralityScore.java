package dev.truss.domain.virality;

import java.util.List;

/** A score from 0 to 100 with the contributions that explain it; they add up to the score exactly. */
public record ViralityScore(int value, List<Contribution> contributions) implements Comparable<ViralityScore> {

    public ViralityScore {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("a virality score is within 0–100, got " + value);
        }
        contributions = List.copyOf(contributions);
        int sum = contributions.stream().mapToInt(Contribution::points).sum();
        if (sum != value) {
            throw new IllegalArgumentException("contributions add up to " + sum + ", not to the score " + value);
        }
    }

    @Override
    public int compareTo(ViralityScore other) {
        return Integer.compare(value, other.value);
    }
}
