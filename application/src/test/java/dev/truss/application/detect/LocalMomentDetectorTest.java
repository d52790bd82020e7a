package dev.truss.application.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.MomentDetectorContract;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.ViralityScorer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalMomentDetectorTest extends MomentDetectorContract {

    private static final SelectionPolicy POLICY = SelectionPolicy.defaults();
    private static final TimeRange BURST = new TimeRange(300_000, 303_000);

    @Override
    protected MomentDetector newDetector() {
        return new LocalMomentDetector(POLICY);
    }

    @Override
    protected MomentDetector.Request request() {
        return request(burst(SyntheticTimeline.lasting(600_000)).silence(120_000, 121_500).build());
    }

    @Override
    protected boolean isDeterministic() {
        return true;
    }

    @Test
    void a_loud_burst_with_scene_cuts_is_covered_by_the_top_scored_moment() {
        EngagementTimeline timeline = burst(SyntheticTimeline.lasting(600_000)).build();

        MomentRanking.Pick top = rank(timeline).get(0);

        assertThat(top.range()).matches(range -> range.contains(BURST), "contains the burst " + BURST);
        assertThat(top.score().value()).isEqualTo(100);
    }

    @Test
    void the_top_moment_starts_and_ends_in_the_pauses_around_the_burst() {
        TimeRange before = new TimeRange(297_000, 298_000);
        TimeRange after = new TimeRange(313_000, 314_000);
        EngagementTimeline timeline = burst(SyntheticTimeline.lasting(600_000))
                .silence(before.startMs(), before.endMs()).silence(after.startMs(), after.endMs())
                .silence(60_000, 61_000).silence(200_000, 201_000).silence(450_000, 451_000).build();

        MomentRanking.Pick top = rank(timeline).get(0);

        assertThat(top.range()).isEqualTo(new TimeRange(before.endMs(), after.startMs()));
    }

    @Test
    void a_moment_is_worded_from_its_measured_signals_and_carries_no_judgement() {
        MomentRanking.Pick top = rank(burst(SyntheticTimeline.lasting(600_000)).build()).get(0);

        assertThat(top.title()).isEqualTo("Loud, fast-cut, high-motion moment peaking at 05:00");
        assertThat(top.moment().reason()).isEqualTo("Measured signals only: its loudest second is 16 dB above"
                + " the video's median; 3 scene cuts in 15 s; motion averages 71% of full energy; sound fills 100% of it.");
        assertThat(top.hookLine()).isEmpty();
        assertThat(top.caption()).isEmpty();
        assertThat(top.moment().hookStrength()).isEmpty();
        assertThat(top.moment().emotionalIntensity()).isEmpty();
    }

    @Test
    void a_video_shorter_than_the_shortest_clip_gets_no_moment_one_chapter_and_a_note_saying_why() {
        EngagementTimeline timeline = SyntheticTimeline.lasting(12_000).loud(3, 6).build();

        Detection detection = newDetector().detect(request(timeline), p -> { });

        assertThat(detection.moments()).isEmpty();
        assertThat(detection.chapters()).extracting(Chapter::range).containsExactly(new TimeRange(0, 12_000));
        assertThat(detection.notes()).anySatisfy(note -> assertThat(note).contains("shorter than the shortest clip"));
    }

    @Test
    void chapters_split_where_sound_resumes_after_long_pauses() {
        EngagementTimeline timeline = SyntheticTimeline.lasting(1_800_000)
                .silence(595_000, 600_000).silence(1_196_000, 1_200_000).silence(900_000, 900_400).build();

        List<Chapter> chapters = newDetector().detect(request(timeline), p -> { }).chapters();

        assertThat(chapters).extracting(Chapter::title)
                .containsExactly("Part 1 (00:00–10:00)", "Part 2 (10:00–20:00)", "Part 3 (20:00–30:00)");
        assertThat(chapters.get(1).summary()).isEqualTo("Starts where sound resumes after a 5.0 s silence.");
    }

    @Test
    void chapters_split_where_the_editing_pace_changes() {
        long[] fastCuts = new long[30];
        for (int i = 0; i < fastCuts.length; i++) {
            fastCuts[i] = 240_000 + i * 4_000L; // a cut every 4 s from 04:00 to 06:00
        }
        EngagementTimeline timeline = SyntheticTimeline.lasting(600_000).cuts(fastCuts).build();

        List<Chapter> chapters = newDetector().detect(request(timeline), p -> { }).chapters();

        assertThat(chapters).extracting(chapter -> chapter.range().startMs()).containsExactly(0L, 240_000L);
    }

    @Test
    void a_three_hour_video_gets_at_most_200_moments_spread_over_it_and_about_12_chapters_an_hour() {
        SyntheticTimeline video = SyntheticTimeline.lasting(3 * 3_600_000L);
        for (long at = 5_000; at + 13_000 <= 3 * 3_600_000L; at += 13_000) {
            video.silence(at, at + 1_200).cuts(at + 6_000);
        }
        EngagementTimeline timeline = video.build();

        Detection detection = newDetector().detect(request(timeline), p -> { });

        assertThat(detection.moments()).hasSizeBetween(150, CandidateWindows.MAX_PROPOSALS);
        assertThat(detection.moments()).extracting(moment -> moment.range().startMs())
                .anySatisfy(start -> assertThat(start).isLessThan(3_600_000))
                .anySatisfy(start -> assertThat(start).isGreaterThan(2 * 3_600_000));
        assertThat(detection.chapters()).hasSize(36);
    }

    @Test
    void window_lengths_follow_the_ladder_within_the_policy_bounds() {
        assertThat(CandidateWindows.lengthsMs(POLICY)).containsExactly(15_000L, 20_000L, 30_000L, 45_000L, 60_000L);
        assertThat(CandidateWindows.lengthsMs(new SelectionPolicy(3, 10_000, 25_000, 1_000)))
                .containsExactly(10_000L, 15_000L, 20_000L, 25_000L);
        assertThat(CandidateWindows.lengthsMs(new SelectionPolicy(3, 30_000, 180_000, 1_000)))
                .containsExactly(30_000L, 45_000L, 60_000L, 90_000L, 120_000L, 180_000L);
    }

    /** Loud seconds 300–302 with a cut at each, amid motion: only a 15 s window around it scores full marks. */
    private static SyntheticTimeline burst(SyntheticTimeline video) {
        return video.loud(300, 303).cuts(300_000, 301_000, 302_000).moving(290, 315);
    }

    private static List<MomentRanking.Pick> rank(EngagementTimeline timeline) {
        Detection detection = new LocalMomentDetector(POLICY).detect(request(timeline), p -> { });
        return MomentRanking.rank(timeline, detection, new ViralityScorer(), POLICY);
    }

    private static MomentDetector.Request request(EngagementTimeline timeline) {
        return new MomentDetector.Request(URI.create("file:///videos/talk.mp4"),
                new VideoProperties(timeline.durationMs(), "mov,mp4", "h264", 1920, 1080, 0, 30, true), timeline);
    }
}
