package dev.truss.domain.moment;

import static dev.truss.domain.moment.Scenario.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.time.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class MomentSelectorTest {

    private static final long TEN_MINUTES = 600_000;
    private final MomentSelector selector = new MomentSelector(SelectionPolicy.defaults());

    @Test
    void theHighestScoresArePickedFirstUpToTheClipCount() {
        List<Candidate> candidates = List.of(candidate(0, 20_000, 40), candidate(60_000, 80_000, 90),
                candidate(120_000, 140_000, 70), candidate(180_000, 200_000, 10));

        List<SelectedMoment> moments = new MomentSelector(SelectionPolicy.defaults().withMaxClips(2))
                .select(candidates, CutPoints.none(), TEN_MINUTES);

        assertThat(moments).extracting(moment -> moment.score().value()).containsExactly(90, 70);
    }

    @Test
    void aCandidateOverlappingABetterOneIsSkipped() {
        List<SelectedMoment> moments = selector.select(
                List.of(candidate(0, 30_000, 60), candidate(20_000, 50_000, 80)), CutPoints.none(), TEN_MINUTES);

        assertThat(moments).extracting(SelectedMoment::range).containsExactly(new TimeRange(20_000, 50_000));
    }

    @Test
    void candidatesOutsideTheLengthBoundsOrTheVideoAreSkippedNotReshaped() {
        List<Candidate> candidates = List.of(candidate(0, 10_000, 99), candidate(20_000, 90_000, 98),
                candidate(590_000, 610_000, 97), candidate(100_000, 130_000, 50));

        assertThat(selector.select(candidates, CutPoints.none(), TEN_MINUTES))
                .extracting(SelectedMoment::range).containsExactly(new TimeRange(100_000, 130_000));
    }

    @Test
    void equalScoresGoToTheEarlierCandidate() {
        List<SelectedMoment> moments = new MomentSelector(SelectionPolicy.defaults().withMaxClips(1)).select(
                List.of(candidate(100_000, 130_000, 70), candidate(10_000, 40_000, 70)), CutPoints.none(), TEN_MINUTES);

        assertThat(moments).extracting(SelectedMoment::range).containsExactly(new TimeRange(10_000, 40_000));
    }

    @Test
    void aStartMovesToTheEndOfANearbySilenceSoTheClipOpensOnSpeech() {
        CutPoints cuts = new CutPoints(List.of(), List.of(new TimeRange(9_000, 10_800)));

        SelectedMoment moment = selector.select(List.of(candidate(10_000, 40_000, 70)), cuts, TEN_MINUTES).get(0);

        assertThat(moment.range()).isEqualTo(new TimeRange(10_800, 40_000));
        assertThat(moment.startSnap()).isEqualTo(BoundarySnap.TO_SILENCE);
        assertThat(moment.endSnap()).isEqualTo(BoundarySnap.NOT_SNAPPED);
    }

    @Test
    void anEndMovesToTheStartOfANearbySilenceSoNoWordIsCut() {
        CutPoints cuts = new CutPoints(List.of(), List.of(new TimeRange(41_000, 43_000)));

        SelectedMoment moment = selector.select(List.of(candidate(10_000, 40_000, 70)), cuts, TEN_MINUTES).get(0);

        assertThat(moment.range()).isEqualTo(new TimeRange(10_000, 41_000));
        assertThat(moment.endSnap()).isEqualTo(BoundarySnap.TO_SILENCE);
    }

    @Test
    void aLongSilenceIsEnteredOnlyAsFarAsTheToleranceAllows() {
        CutPoints cuts = new CutPoints(List.of(), List.of(new TimeRange(5_000, 20_000)));

        SelectedMoment moment = selector.select(List.of(candidate(10_000, 40_000, 70)), cuts, TEN_MINUTES).get(0);

        assertThat(moment.range().startMs()).isEqualTo(11_500);
        assertThat(moment.startSnap()).isEqualTo(BoundarySnap.TO_SILENCE);
    }

    @Test
    void aSilenceIsPreferredToACloserSceneCut() {
        CutPoints cuts = new CutPoints(List.of(10_100L), List.of(new TimeRange(8_000, 11_000)));

        SelectedMoment moment = selector.select(List.of(candidate(10_000, 40_000, 70)), cuts, TEN_MINUTES).get(0);

        assertThat(moment.range().startMs()).isEqualTo(11_000);
        assertThat(moment.startSnap()).isEqualTo(BoundarySnap.TO_SILENCE);
    }

    @Test
    void aSceneCutIsUsedWhenNoSilenceIsNear() {
        CutPoints cuts = new CutPoints(List.of(39_200L, 40_900L), List.of(new TimeRange(50_000, 52_000)));

        SelectedMoment moment = selector.select(List.of(candidate(10_000, 40_000, 70)), cuts, TEN_MINUTES).get(0);

        assertThat(moment.range().endMs()).isEqualTo(39_200);
        assertThat(moment.endSnap()).isEqualTo(BoundarySnap.TO_SCENE_CUT);
    }

    @Test
    void aBoundaryBeyondTheToleranceOfEveryCutPointStaysPut() {
        CutPoints cuts = new CutPoints(List.of(7_000L), List.of(new TimeRange(42_000, 45_000)));

        SelectedMoment moment = selector.select(List.of(candidate(10_000, 40_000, 70)), cuts, TEN_MINUTES).get(0);

        assertThat(moment.range()).isEqualTo(new TimeRange(10_000, 40_000));
        assertThat(moment.startSnap()).isEqualTo(BoundarySnap.NOT_SNAPPED);
        assertThat(moment.endSnap()).isEqualTo(BoundarySnap.NOT_SNAPPED);
    }

    @Test
    void aBoundaryStaysInItsSilenceButShortOfTheSpeechEdgeWhenReachingItWouldMakeTheClipTooShort() {
        CutPoints cuts = new CutPoints(List.of(), List.of(new TimeRange(9_000, 11_000), new TimeRange(24_000, 26_000)));

        SelectedMoment moment = selector.select(List.of(candidate(10_000, 25_000, 70)), cuts, TEN_MINUTES).get(0);

        assertThat(moment.range().durationMs()).isGreaterThanOrEqualTo(15_000);
        assertThat(moment.range()).isEqualTo(new TimeRange(10_000, 25_000));
        assertThat(moment.startSnap()).isEqualTo(BoundarySnap.TO_SILENCE);
        assertThat(moment.endSnap()).isEqualTo(BoundarySnap.TO_SILENCE);
    }

    @Test
    void aSnapIsGivenUpRatherThanOverlapAMomentAlreadyPicked() {
        CutPoints cuts = new CutPoints(List.of(), List.of(new TimeRange(39_000, 41_000)));
        List<Candidate> candidates = List.of(candidate(40_000, 70_000, 90), candidate(10_000, 40_000, 50));

        List<SelectedMoment> moments = selector.select(candidates, cuts, TEN_MINUTES);

        assertThat(moments).extracting(SelectedMoment::range)
                .containsExactly(new TimeRange(41_000, 70_000), new TimeRange(10_000, 39_000));
    }
}
