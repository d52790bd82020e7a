package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic after the FFmpeg run, on made-up measurements. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimelineBuilderTest {

    private static final double FLOOR = -70;

    @TempDir
    Path directory;

    @Test
    void a_second_averages_its_blocks_as_energy_so_one_loud_block_lifts_it() {
        TimelineBuilder builder = new TimelineBuilder(2_000, FLOOR, 5);
        for (int block = 0; block < 10; block++) {
            builder.loudnessBlock(block / 10.0, block == 0 ? -10 : Double.NEGATIVE_INFINITY);
            builder.loudnessBlock(1 + block / 10.0, -20);
        }

        EngagementTimeline timeline = builder.build();

        // one block at −10 dB among ten: a tenth of its energy, −20 dB
        assertThat(timeline.loudnessPerSecondDb().get(0)).isCloseTo(-20, offset(1e-9));
        assertThat(timeline.loudnessPerSecondDb().get(1)).isCloseTo(-20, offset(1e-9));
    }

    @Test
    void digital_silence_and_unmeasured_seconds_read_the_floor() {
        TimelineBuilder builder = new TimelineBuilder(3_000, FLOOR, 5);
        builder.loudnessBlock(0.0, Double.NEGATIVE_INFINITY);
        builder.loudnessBlock(1.0, -95);

        assertThat(builder.build().loudnessPerSecondDb()).containsExactly(FLOOR, FLOOR, FLOOR);
    }

    @Test
    void the_partial_last_second_has_its_samples_and_nothing_at_or_after_the_end_counts() {
        TimelineBuilder builder = new TimelineBuilder(2_500, FLOOR, 5);
        builder.loudnessBlock(2.4, -30);
        builder.loudnessBlock(2.5, 0);
        builder.videoFrame(2.44, 0, false, 0);
        builder.videoFrame(2.48, 5, false, 0);
        builder.videoFrame(2.52, 100, true, 90);
        builder.silenceStarts(2.6);
        builder.silenceEnds(2.9);

        EngagementTimeline timeline = builder.build();

        assertThat(timeline.loudnessPerSecondDb()).containsExactly(FLOOR, FLOOR, -30.0);
        assertThat(timeline.motionPerSecond()).hasSize(3);
        assertThat(timeline.sceneCuts()).isEmpty();
        assertThat(timeline.silences()).isEmpty();
    }

    @Test
    void a_silence_still_open_at_the_end_lasts_to_the_end_and_one_from_before_0_starts_at_0() {
        TimelineBuilder builder = new TimelineBuilder(10_000, FLOOR, 5);
        builder.silenceStarts(-0.002);
        builder.silenceEnds(1.5);
        builder.silenceStarts(8.25);

        assertThat(builder.build().silences()).containsExactly(new TimeRange(0, 1_500), new TimeRange(8_250, 10_000));
    }

    @Test
    void a_video_without_sound_is_one_silence() {
        TimelineBuilder builder = new TimelineBuilder(4_200, FLOOR, 5);
        builder.noAudio();

        EngagementTimeline timeline = builder.build();

        assertThat(timeline.silences()).containsExactly(new TimeRange(0, 4_200));
        assertThat(timeline.loudnessPerSecondDb()).containsExactly(FLOOR, FLOOR, FLOOR, FLOOR, FLOOR);
    }

    @Test
    void motion_is_the_difference_per_thirtieth_of_a_second_so_the_frame_rate_does_not_change_it() {
        TimelineBuilder at25 = new TimelineBuilder(1_000, FLOOR, 5);
        TimelineBuilder at50 = new TimelineBuilder(1_000, FLOOR, 5);
        // the same movement: twice the difference between frames twice as far apart
        for (int frame = 1; frame < 25; frame++) {
            at25.videoFrame(frame / 25.0, 2.0, false, 0);
        }
        for (int frame = 1; frame < 50; frame++) {
            at50.videoFrame(frame / 50.0, 1.0, false, 0);
        }

        double motion25 = at25.build().motionPerSecond().get(0);
        double motion50 = at50.build().motionPerSecond().get(0);

        assertThat(motion25).isCloseTo(2.0 * 25 / 30 / 5, offset(0.01));
        assertThat(motion50).isCloseTo(motion25, offset(0.01));
    }

    @Test
    void a_cut_is_not_motion_and_motion_is_capped_at_1() {
        TimelineBuilder builder = new TimelineBuilder(2_000, FLOOR, 5);
        builder.videoFrame(0.0, 0, false, 0);
        builder.videoFrame(1 / 30.0, 0, false, 0);
        builder.videoFrame(2 / 30.0, 60, true, 55);
        builder.videoFrame(1.0, 0, false, 0);
        builder.videoFrame(1 + 1 / 30.0, 40, false, 0);

        EngagementTimeline timeline = builder.build();

        assertThat(timeline.motionPerSecond()).containsExactly(0.0, 1.0);
        assertThat(timeline.sceneCuts()).containsExactly(new SceneCut(67, 0.55));
    }

    @Test
    void a_cut_in_the_last_millisecond_stays_inside_the_video() {
        TimelineBuilder builder = new TimelineBuilder(2_000, FLOOR, 5);
        builder.videoFrame(1.9996, 80, true, 80);

        assertThat(builder.build().sceneCuts()).containsExactly(new SceneCut(1_999, 0.8));
    }

    @Test
    void the_print_files_are_read_frame_by_frame_skipping_frames_without_a_time() throws IOException {
        Path file = directory.resolve("video.txt");
        Files.writeString(file, """
                frame:0    pts:0       pts_time:0
                lavfi.scd.mafd=0.000
                lavfi.scd.score=0.000
                frame:1    pts:NOPTS   pts_time:NOPTS
                lavfi.scd.mafd=3.000
                frame:100  pts:51200   pts_time:4
                lavfi.scd.mafd=22.696
                lavfi.scd.score=22.696
                lavfi.scd.time=4
                frame:3    pts:144000  pts_time:3
                lavfi.astats.Overall.RMS_level=-inf
                """);
        List<MetadataPrintFile.Frame> frames = new ArrayList<>();

        MetadataPrintFile.read(file, frames::add);
        MetadataPrintFile.read(directory.resolve("never-written.txt"), frames::add);

        assertThat(frames).extracting(MetadataPrintFile.Frame::ptsSeconds).containsExactly(0.0, 4.0, 3.0);
        assertThat(frames.get(1).number("lavfi.scd.score")).isEqualTo(22.696);
        assertThat(frames.get(1).values()).containsEntry("lavfi.scd.time", "4");
        assertThat(frames.get(2).number("lavfi.astats.Overall.RMS_level")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(frames.get(0).number("lavfi.scd.time")).isNaN();
    }
}
