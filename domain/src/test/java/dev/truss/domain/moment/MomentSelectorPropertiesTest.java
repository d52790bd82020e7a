package dev.truss.domain.moment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.time.TimeRange;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MomentSelectorPropertiesTest {

    // Edge-case combinations of nested generators are costly and add little here; the examples cover the edges.
    @Property(edgeCases = EdgeCasesMode.NONE)
    void selectedMomentsNeverOverlap(@ForAll("anyScenario") Scenario scenario) {
        List<SelectedMoment> moments = scenario.select();

        for (int i = 0; i < moments.size(); i++) {
            for (int j = i + 1; j < moments.size(); j++) {
                assertThat(moments.get(i).range().overlaps(moments.get(j).range())).isFalse();
            }
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void selectedMomentsLieInsideTheVideo(@ForAll("anyScenario") Scenario scenario) {
        assertThat(scenario.select()).allMatch(moment -> moment.range().endMs() <= scenario.durationMs());
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void everySelectedLengthIsWithinThePolicyBounds(@ForAll("anyScenario") Scenario scenario) {
        assertThat(scenario.select()).allMatch(moment -> scenario.policy().allowsLength(moment.range().durationMs()));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void noMoreMomentsThanThePolicyAllowsAreSelected(@ForAll("anyScenario") Scenario scenario) {
        assertThat(scenario.select()).hasSizeLessThanOrEqualTo(scenario.policy().maxClips());
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void theSameProblemAlwaysGivesTheSameSelection(@ForAll("anyScenario") Scenario scenario) {
        assertThat(scenario.select()).isEqualTo(scenario.select());
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void aSnappedBoundaryStaysWithinToleranceOfTheOriginal(@ForAll("anyScenario") Scenario scenario) {
        long tolerance = scenario.policy().snapToleranceMs();
        for (SelectedMoment moment : scenario.select()) {
            assertThat(Math.abs(moment.range().startMs() - moment.candidateRange().startMs())).isLessThanOrEqualTo(tolerance);
            assertThat(Math.abs(moment.range().endMs() - moment.candidateRange().endMs())).isLessThanOrEqualTo(tolerance);
            if (moment.startSnap() == BoundarySnap.NOT_SNAPPED) {
                assertThat(moment.range().startMs()).isEqualTo(moment.candidateRange().startMs());
            }
            if (moment.endSnap() == BoundarySnap.NOT_SNAPPED) {
                assertThat(moment.range().endMs()).isEqualTo(moment.candidateRange().endMs());
            }
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void aBoundaryWithASilenceWithinToleranceLiesInASilence(@ForAll("roomyScenario") Scenario scenario) {
        long tolerance = scenario.policy().snapToleranceMs();
        List<TimeRange> silences = scenario.cuts().silences();
        for (SelectedMoment moment : scenario.select()) {
            if (silences.stream().anyMatch(s -> BoundaryOptions.isNear(s, moment.candidateRange().startMs(), tolerance))) {
                assertThat(moment.startSnap()).isEqualTo(BoundarySnap.TO_SILENCE);
                assertThat(silences).anyMatch(s -> s.startMs() <= moment.range().startMs() && moment.range().startMs() <= s.endMs());
            }
            if (silences.stream().anyMatch(s -> BoundaryOptions.isNear(s, moment.candidateRange().endMs(), tolerance))) {
                assertThat(moment.endSnap()).isEqualTo(BoundarySnap.TO_SILENCE);
                assertThat(silences).anyMatch(s -> s.startMs() <= moment.range().endMs() && moment.range().endMs() <= s.endMs());
            }
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void theBestCandidateThatFitsIsAlwaysSelectedFirst(@ForAll("anyScenario") Scenario scenario) {
        Optional<Candidate> best = scenario.candidates().stream()
                .filter(c -> c.range().endMs() <= scenario.durationMs() && scenario.policy().allowsLength(c.range().durationMs()))
                .min(Comparator.comparingInt((Candidate c) -> -c.score().value())
                        .thenComparingLong(c -> c.range().startMs()).thenComparingLong(c -> c.range().endMs()));

        List<SelectedMoment> moments = scenario.select();

        assertThat(moments.isEmpty()).isEqualTo(best.isEmpty());
        best.ifPresent(candidate -> assertThat(moments.get(0).candidateRange()).isEqualTo(candidate.range()));
    }

    @Provide
    Arbitrary<Scenario> anyScenario() {
        return SelectionArbitraries.anyScenario();
    }

    @Provide
    Arbitrary<Scenario> roomyScenario() {
        return SelectionArbitraries.roomyScenario();
    }
}
