package dev.truss.domain.virality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViralityWeightsTest {

    @Test
    void theDefaultWeightsAddUpToOne() {
        double sum = ViralityWeights.defaults().bySignal().values().stream().mapToDouble(Double::doubleValue).sum();

        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aNegativeWeightIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ViralityWeights.defaults().with(Signal.MOTION, -0.1))
                .withMessageContaining("MOTION");
    }

    @Test
    void everySignalNeedsAWeight() {
        Map<Signal, Double> incomplete = new EnumMap<>(ViralityWeights.defaults().bySignal());
        incomplete.remove(Signal.HOOK_STRENGTH);

        assertThatIllegalArgumentException().isThrownBy(() -> new ViralityWeights(incomplete))
                .withMessageContaining("missing [HOOK_STRENGTH]");
    }

    @Test
    void weightsThatIgnoreEveryMediaSignalAreRejectedBecauseTheyCouldScoreNothing() {
        ViralityWeights aiOnly = ViralityWeights.defaults().with(Signal.LOUDNESS_PEAKS, 0).with(Signal.SPEECH_PACING, 0)
                .with(Signal.SCENE_CUT_RATE, 0);

        assertThatIllegalArgumentException().isThrownBy(() -> aiOnly.with(Signal.MOTION, 0))
                .withMessageContaining("media signal");
    }
}
