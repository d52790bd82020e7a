package dev.truss.domain.moment;

import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators for selection problems. */
final class SelectionArbitraries {

    private SelectionArbitraries() {
    }

    /** Anything goes: candidates overlap, stick out of the video, or miss the length bounds. */
    static Arbitrary<Scenario> anyScenario() {
        return Combinators.combine(Arbitraries.longs().between(20_000, 600_000), policies())
                .flatAs((duration, policy) -> Combinators.combine(
                        candidate(duration).list().ofMaxSize(15),
                        cutPoints(duration)
                ).as((candidates, cuts) -> new Scenario(duration, policy, candidates, cuts)));
    }

    /**
     * Candidates laid end to end with gaps over twice the tolerance and lengths at least a
     * tolerance inside the bounds on each side, so no snap can breach bounds or collide.
     */
    static Arbitrary<Scenario> roomyScenario() {
        return tolerances().flatMap(tolerance -> {
            SelectionPolicy policy = new SelectionPolicy(20, 10_000, 60_000, tolerance);
            Arbitrary<long[]> slot = Combinators.combine(
                    Arbitraries.longs().between(2 * tolerance + 1, 20_000),
                    Arbitraries.longs().between(10_000 + 2 * tolerance, 60_000 - 2 * tolerance),
                    Arbitraries.integers().between(0, 100)
            ).as((gap, length, score) -> new long[] {gap, length, score});
            return slot.list().ofMaxSize(10).flatMap(slots -> {
                List<Candidate> candidates = new ArrayList<>();
                long at = 0;
                for (long[] s : slots) {
                    at += s[0];
                    candidates.add(Scenario.candidate(at, at + s[1], (int) s[2]));
                    at += s[1];
                }
                long duration = at + 2 * tolerance + 1_000;
                return cutPoints(duration).map(cuts -> new Scenario(duration, policy, candidates, cuts));
            });
        });
    }

    private static Arbitrary<SelectionPolicy> policies() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 6),
                Arbitraries.longs().between(5_000, 30_000),
                Arbitraries.longs().between(0, 60_000),
                tolerances()
        ).as((clips, min, extra, tolerance) -> new SelectionPolicy(clips, min, Math.min(180_000, min + extra), tolerance));
    }

    /** Tolerance 0 (never snap) is a meaningful setting, so it comes up often. */
    private static Arbitrary<Long> tolerances() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)), Tuple.of(5, Arbitraries.longs().between(1, 3_000)));
    }

    private static Arbitrary<Candidate> candidate(long duration) {
        return Combinators.combine(
                Arbitraries.longs().between(0, duration - 1),
                Arbitraries.longs().between(1_000, 90_000),
                Arbitraries.integers().between(0, 100)
        ).as((start, length, score) -> Scenario.candidate(start, start + length, score));
    }

    private static Arbitrary<CutPoints> cutPoints(long duration) {
        Arbitrary<Long> instant = Arbitraries.longs().between(0, duration - 1);
        Arbitrary<TimeRange> silence = Combinators.combine(instant, Arbitraries.longs().between(100, 4_000))
                .as((start, length) -> new TimeRange(start, Math.min(duration, start + length)));
        return Combinators.combine(instant.list().ofMaxSize(30), silence.list().ofMaxSize(20)).as(CutPoints::new);
    }
}
