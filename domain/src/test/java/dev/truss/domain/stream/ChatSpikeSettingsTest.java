package dev.truss.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatSpikeSettingsTest {

    static final ChatSpikeSettings D = ChatSpikeSettings.defaults();

    @Test
    void the_defaults_keep_a_ring_of_nine_five_second_buckets() {
        assertThat(D.ringBuckets()).isEqualTo(9);
        assertThat(D.sustainEvaluations()).isEqualTo(7);
        assertThat(D.countingEveryMessageAsOne().excitementWeightCap()).isEqualTo(1.0);
    }

    @Test
    void durations_must_be_whole_buckets() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChatSpikeSettings(D.bucket(), Duration.ofSeconds(32),
                D.warmUp(), D.baselineHalfLife(), D.minimumIntensity(), D.significance(), D.baselineFloorPerMinute(),
                D.minimumBurst(), D.mergeGap(), D.allowedLateness(), D.excitementWeightCap()))
                .withMessageContaining("window");
    }

    @Test
    void a_spike_must_rise_above_its_baseline() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChatSpikeSettings(D.bucket(), D.window(),
                D.warmUp(), D.baselineHalfLife(), 1.0, D.significance(), D.baselineFloorPerMinute(),
                D.minimumBurst(), D.mergeGap(), D.allowedLateness(), D.excitementWeightCap()))
                .withMessageContaining("minimum intensity");
    }

    @Test
    void significance_is_a_small_probability() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChatSpikeSettings(D.bucket(), D.window(),
                D.warmUp(), D.baselineHalfLife(), D.minimumIntensity(), 0.9, D.baselineFloorPerMinute(),
                D.minimumBurst(), D.mergeGap(), D.allowedLateness(), D.excitementWeightCap()))
                .withMessageContaining("significance");
    }
}
