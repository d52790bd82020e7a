package dev.truss.domain.stream;

/**
 * How surprising a message count is for a chat whose messages arrive independently at a known
 * rate (a Poisson process). A plain ratio test cannot tell 6 messages where 1.5 were expected
 * (likely noise in a tiny chat) from 600 where 150 were expected (certainly a spike); this can.
 */
final class PoissonTail {

    private static final double NEGLIGIBLE = 1e-16;

    private PoissonTail() {
    }

    /** P(X ≥ count) for X ~ Poisson(expected), summed exactly from the largest terms outward. */
    static double atLeast(long count, double expected) {
        if (count <= 0) {
            return 1.0;
        }
        if (count > expected) {
            return tailFrom(count, expected);
        }
        return Math.max(0.0, 1.0 - headBelow(count, expected));
    }

    /** Terms past the mean shrink by expected / (j + 1) each, so the sum converges in few steps. */
    private static double tailFrom(long count, double expected) {
        double term = Math.exp(logProbability(count, expected));
        double sum = term;
        for (long j = count; term > sum * NEGLIGIBLE; j++) {
            term *= expected / (j + 1);
            sum += term;
        }
        return sum;
    }

    /** P(X < count), summing down from count − 1, where terms below the mean shrink towards 0. */
    private static double headBelow(long count, double expected) {
        double term = Math.exp(logProbability(count - 1, expected));
        double sum = term;
        for (long j = count - 1; j > 0 && term > sum * NEGLIGIBLE; j--) {
            term *= j / expected;
            sum += term;
        }
        return sum;
    }

    private static double logProbability(long k, double expected) {
        return k * Math.log(expected) - expected - logFactorial(k);
    }

    /** Exact for small k; Stirling's series beyond, accurate to ~1e-12 relative there. */
    static double logFactorial(long k) {
        if (k < 20) {
            double sum = 0;
            for (long i = 2; i <= k; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        double n = k;
        return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n * n * n);
    }
}
