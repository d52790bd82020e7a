package dev.truss.domain.virality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViralityScorerTest {

    private final ViralityScorer scorer = new ViralityScorer();

    @Test
    void contributionsExplainTheScoreInOneSentenceEach() {
        ViralityScore score = scorer.score(WindowSignals.ofMedia(20_000, 8, 0.95, 3, 0.45));

        assertThat(score.contributions()).extracting(Contribution::reason).containsExactly(
                "The loudest second rises 8 dB above the video's usual level.",
                "Sound fills 95% of the window, so the pace never drags.",
                "3 scene cuts in 20 s keep the eye moving.",
                "Lively motion on screen, at 45% of full energy.");
    }

    @Test
    void absentChatAndAiSignalsAreLeftOutAndTheOtherWeightsGrowInProportion() {
        ViralityScore score = scorer.score(WindowSignals.ofMedia(30_000, 12, 1, 10, 1));

        assertThat(score.value()).isEqualTo(100);
        assertThat(score.contributions()).extracting(Contribution::signal).containsExactly(
                Signal.LOUDNESS_PEAKS, Signal.SPEECH_PACING, Signal.SCENE_CUT_RATE, Signal.MOTION);
        assertThat(score.contributions()).extracting(Contribution::weight).containsExactly(0.3, 0.3, 0.2, 0.2);
        assertThat(score.contributions()).extracting(Contribution::points).containsExactly(30, 30, 20, 20);
    }

    @Test
    void aQuietChatLowersTheScoreWhereNoChatAtAllDoesNot() {
        WindowSignals media = WindowSignals.ofMedia(30_000, 12, 1, 10, 1);

        // Full media strength over 0.50 of weight, out of 0.65 once chat at its usual pace joins: 100 × 0.50 / 0.65 ≈ 77.
        assertThat(scorer.score(media.withChatIntensity(1)).value()).isEqualTo(77);
        assertThat(scorer.score(media).value()).isEqualTo(100);
    }

    @Test
    void leftoverPointsGoToTheLargestFractionsSoPointsAddUpExactly() {
        // Exact shares: loudness 15 × 0.5 = 7.5, speech 15 × 0.5 = 7.5, cuts 10 × 0.5 = 5, motion 10 × 0.5 = 5,
        // hook 20 × 0.5 = 10, renormalised over 0.7 of weight: 10.71 + 10.71 + 7.14 + 7.14 + 14.29 = 50.
        WindowSignals half = WindowSignals.ofMedia(60_000, 5, 0.7, 6, 0.3).withHookStrength(0.5);

        ViralityScore score = scorer.score(half);

        assertThat(score.value()).isEqualTo(50);
        assertThat(score.contributions()).extracting(Contribution::points).containsExactly(11, 11, 7, 7, 14);
    }

    @Test
    void aSingleSceneCutIsWordedInTheSingular() {
        ViralityScore score = scorer.score(WindowSignals.ofMedia(15_500, 0, 0.5, 1, 0));

        assertThat(score.contributions()).extracting(Contribution::reason)
                .contains("1 scene cut in 15.5 s keeps the eye moving.", "The sound stays at the video's usual level, with no loud peak.");
    }

    @Test
    void aiJudgementsAndChatAreReportedWhenPresent() {
        WindowSignals window = WindowSignals.ofMedia(30_000, 0, 0.5, 0, 0)
                .withChatIntensity(4.2).withHookStrength(0.8).withEmotionalIntensity(0.7);

        assertThat(scorer.score(window).contributions()).extracting(Contribution::reason).contains(
                "Live chat ran 4.2× faster than usual.",
                "The AI rates the opening hook 0.80 out of 1.",
                "The AI rates the emotional intensity 0.70 out of 1.");
    }
}
