package dev.truss.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonTailTest {

    // Expected values from scipy.stats.poisson.sf.
    @Test
    void the_tail_matches_known_poisson_values() {
        assertThat(PoissonTail.atLeast(0, 2.0)).isEqualTo(1.0);
        assertThat(PoissonTail.atLeast(1, 1.0)).isCloseTo(1 - Math.exp(-1), within(1e-12));
        assertThat(PoissonTail.atLeast(5, 1.0)).isCloseTo(0.0036598468, within(1e-9));
        assertThat(PoissonTail.atLeast(3, 5.0)).isCloseTo(0.8753479805, within(1e-9));
    }

    @Test
    void large_counts_use_stirling_without_losing_accuracy() {
        assertThat(PoissonTail.logFactorial(20)).isCloseTo(Math.log(2432902008176640000.0), within(1e-9));
        assertThat(PoissonTail.atLeast(1_200, 1_000)).isCloseTo(4.684203855872e-10, within(1e-20));
        assertThat(PoissonTail.atLeast(1_000, 1_000)).isCloseTo(0.5042052441802155, within(1e-9));
    }

    @Test
    void the_same_ratio_is_more_surprising_in_a_bigger_chat() {
        assertThat(PoissonTail.atLeast(6, 3)).isGreaterThan(0.05);
        assertThat(PoissonTail.atLeast(600, 300)).isLessThan(1e-20);
    }
}
