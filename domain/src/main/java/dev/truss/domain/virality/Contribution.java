package dev.truss.domain.virality;

import java.util.Objects;

/**
 * What one signal added to a score: its measured strength (0–1), its weight (its share
 * of the weight of the signals present, so the weights of one score add up to 1), the
 * whole points it earned, and a sentence a creator can read.
 */
public record Contribution(Signal signal, double strength, double weight, int points, String reason) {

    public Contribution {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(reason, "reason");
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("signal strength must be within 0–1, got " + strength);
        }
        if (points < 0 || points > 100) {
            throw new IllegalArgumentException("points must be within 0–100, got " + points);
        }
    }
}
