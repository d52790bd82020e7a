package dev.truss.domain.virality;

/**
 * Turns a raw measurement into a strength 0–1: 0 up to {@code zeroAt}, rising in a
 * straight line, 1 from {@code fullAt} on. Linear ramps keep every strength explainable
 * in one sentence and make the score monotone in every raw signal.
 */
public record StrengthCurve(double zeroAt, double fullAt) {

    public StrengthCurve {
        if (!(Double.isFinite(zeroAt) && Double.isFinite(fullAt) && zeroAt < fullAt)) {
            throw new IllegalArgumentException("a strength curve rises from zeroAt to a larger fullAt, got " + zeroAt + " → " + fullAt);
        }
    }

    public double strengthOf(double raw) {
        if (raw <= zeroAt) {
            return 0;
        }
        if (raw >= fullAt) {
            return 1;
        }
        return (raw - zeroAt) / (fullAt - zeroAt);
    }
}
