package dev.truss.domain.virality;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

class ViralityScorerPropertiesTest {

    @Property
    void aScoreIsAlwaysWithin0And100(@ForAll("windows") WindowSignals window, @ForAll("weights") ViralityWeights weights) {
        assertThat(new ViralityScorer(weights).score(window).value()).isBetween(0, 100);
    }

    @Property
    void contributionPointsAddUpExactlyToTheScore(@ForAll("windows") WindowSignals window, @ForAll("weights") ViralityWeights weights) {
        ViralityScore score = new ViralityScorer(weights).score(window);

        assertThat(score.contributions().stream().mapToInt(Contribution::points).sum()).isEqualTo(score.value());
    }

    @Property
    void theValueAloneIsTheScoresValue(@ForAll("windows") WindowSignals window) {
        ViralityScorer scorer = new ViralityScorer();

        assertThat(scorer.value(window)).isEqualTo(scorer.score(window).value());
    }

    @Property
    void theSameSignalsAlwaysGiveTheSameScore(@ForAll("windows") WindowSignals window, @ForAll("weights") ViralityWeights weights) {
        assertThat(new ViralityScorer(weights).score(window)).isEqualTo(new ViralityScorer(weights).score(window));
    }

    @Property
    void raisingOneSignalNeverLowersTheScore(@ForAll("windows") WindowSignals window, @ForAll("weights") ViralityWeights weights,
                                            @ForAll Signal signal, @ForAll @DoubleRange(min = 0, max = 1) double step) {
        ViralityScorer scorer = new ViralityScorer(weights);

        assertThat(scorer.score(SignalsArbitraries.raised(window, signal, step)).value())
                .isGreaterThanOrEqualTo(scorer.score(window).value());
    }

    @Property
    void aSignalWeighingNothingEarnsNoPoints(@ForAll("windows") WindowSignals window, @ForAll("weights") ViralityWeights weights,
                                             @ForAll Signal signal) {
        // Zeroing the last weighted media signal would make the weights invalid; that case is not a scoring question.
        Assume.that(ViralityWeights.MEDIA_SIGNALS.stream().anyMatch(other -> other != signal && weights.of(other) > 0));
        ViralityScore score = new ViralityScorer(weights.with(signal, 0)).score(window);

        assertThat(score.contributions()).filteredOn(c -> c.signal() == signal).allMatch(c -> c.points() == 0);
    }

    @Property
    void everySignalAtFullStrengthScores100(@ForAll @LongRange(min = 1_000, max = 180_000) long durationMs,
                                            @ForAll("weights") ViralityWeights weights) {
        assertThat(new ViralityScorer(weights).score(SignalsArbitraries.allAtFullStrength(durationMs)).value()).isEqualTo(100);
    }

    @Property
    void everySignalAtZeroStrengthScores0(@ForAll @LongRange(min = 1_000, max = 180_000) long durationMs,
                                          @ForAll("weights") ViralityWeights weights) {
        assertThat(new ViralityScorer(weights).score(SignalsArbitraries.allAtZeroStrength(durationMs)).value()).isZero();
    }

    @Provide
    Arbitrary<WindowSignals> windows() {
        return SignalsArbitraries.windows();
    }

    @Provide
    Arbitrary<ViralityWeights> weights() {
        return SignalsArbitraries.weights();
    }
}
