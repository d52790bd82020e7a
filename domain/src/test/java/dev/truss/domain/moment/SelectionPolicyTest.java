package dev.truss.domain.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SelectionPolicyTest {

    @Test
    void theDefaultsAskForClipsOf15To60SecondsSnappedWithin1point5Seconds() {
        assertThat(SelectionPolicy.defaults()).isEqualTo(new SelectionPolicy(5, 15_000, 60_000, 1_500));
    }

    @Test
    void clipsMayRunUpTo180SecondsButNoLonger() {
        assertThat(new SelectionPolicy(1, 15_000, 180_000, 0).maxLengthMs()).isEqualTo(180_000);
        assertThatIllegalArgumentException().isThrownBy(() -> new SelectionPolicy(1, 15_000, 180_001, 0))
                .withMessageContaining("at most 180000 ms");
    }

    @Test
    void theMinimumLengthCannotExceedTheMaximum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SelectionPolicy(1, 61_000, 60_000, 0))
                .withMessageContaining("cannot exceed the maximum");
    }

    @Test
    void aPolicyPicksAtLeastOneClip() {
        assertThatIllegalArgumentException().isThrownBy(() -> SelectionPolicy.defaults().withMaxClips(0))
                .withMessageContaining("at least 1 clip");
    }

    @Test
    void theSnapToleranceCannotBeNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SelectionPolicy(1, 15_000, 60_000, -1))
                .withMessageContaining("tolerance");
    }
}
