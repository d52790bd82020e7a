package dev.truss.domain.virality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Scores a window 0–100 from its {@link WindowSignals}.
 *
 * <p>Each present signal becomes a strength 0–1 through a linear ramp ({@link StrengthCurve}):
 * <pre>
 *   LOUDNESS_PEAKS       loudest second above the video's median: 0 dB → 0, ≥ 10 dB → 1
 *   SPEECH_PACING        share of the window that is not silence: ≤ 50 % → 0, ≥ 90 % → 1
 *   SCENE_CUT_RATE       scene cuts per minute: 0 → 0, ≥ 12 (one every 5 s) → 1
 *   MOTION               mean motion energy: 0 → 0, ≥ 0.6 → 1
 *   CHAT_INTENSITY       chat rate over baseline: ≤ 1× → 0, ≥ 5× → 1
 *   HOOK_STRENGTH, EMOTIONAL_INTENSITY   the AI's 0–1 judgement as is
 * </pre>
 *
 * <p>The score is {@code 100 × Σ strength × weight / Σ weight}, both sums over the
 * <em>present</em> signals only: an absent chat or AI signal is unknown, not zero, so it
 * neither drags the score down nor lifts it, and the other weights grow in proportion
 * (see {@link ViralityWeights} for the defaults). Every present signal gets a
 * {@link Contribution} whose weight is that renormalised share. Points are whole numbers
 * split by largest remainder: each contribution gets the floor of its exact share and the
 * points left to reach the rounded total go to the largest fractions (ties in
 * {@link Signal} order), so the points always add up to the score exactly.
 */
public final class ViralityScorer {

    private final ViralityWeights weights;

    public ViralityScorer(ViralityWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public ViralityScorer() {
        this(ViralityWeights.defaults());
    }

    public ViralityScore score(WindowSignals window) {
        List<SignalReading> readings = SignalReadings.of(Objects.requireNonNull(window, "window"));
        double presentWeight = presentWeight(readings);
        double[] exactPoints = exactPoints(readings, presentWeight);
        int value = rounded(exactPoints);
        int[] points = largestRemainder(exactPoints, value);
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            SignalReading reading = readings.get(i);
            contributions.add(new Contribution(reading.signal(), reading.strength(),
                    weights.of(reading.signal()) / presentWeight, points[i], reading.reason().get()));
        }
        return new ViralityScore(value, contributions);
    }

    /**
     * {@code score(window).value()}, without wording the contributions: cheap enough to rank the
     * tens of thousands of windows a detector slides over a long video.
     */
    public int value(WindowSignals window) {
        List<SignalReading> readings = SignalReadings.of(Objects.requireNonNull(window, "window"));
        return rounded(exactPoints(readings, presentWeight(readings)));
    }

    private double presentWeight(List<SignalReading> readings) {
        return readings.stream().mapToDouble(reading -> weights.of(reading.signal())).sum();
    }

    private double[] exactPoints(List<SignalReading> readings, double presentWeight) {
        double[] exactPoints = new double[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            exactPoints[i] = 100 * readings.get(i).strength() * weights.of(readings.get(i).signal()) / presentWeight;
        }
        return exactPoints;
    }

    private static int rounded(double[] exactPoints) {
        double exactTotal = 0;
        for (double points : exactPoints) {
            exactTotal += points;
        }
        return (int) Math.min(100, Math.round(exactTotal));
    }

    private static int[] largestRemainder(double[] exact, int total) {
        int[] points = new int[exact.length];
        int assigned = 0;
        for (int i = 0; i < exact.length; i++) {
            points[i] = (int) Math.floor(exact[i]);
            assigned += points[i];
        }
        // Only signals that earned something may receive a leftover point, so a weight of 0 always means 0 points.
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < exact.length; i++) {
            if (exact[i] > 0) {
                byRemainder.add(i);
            }
        }
        // Stable sort keeps Signal order among equal remainders, so ties resolve the same way every time.
        byRemainder.sort(Comparator.comparingDouble((Integer i) -> exact[i] - points[i]).reversed());
        for (int k = 0; assigned < total; k = (k + 1) % byRemainder.size()) {
            points[byRemainder.get(k)]++;
            assigned++;
        }
        return points;
    }
}
