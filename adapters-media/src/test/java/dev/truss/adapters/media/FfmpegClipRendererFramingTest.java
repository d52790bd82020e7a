package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The follow-action path from measured motion: toward the action, smooth, bounded, and parsable by FFmpeg. */
class FfmpegClipRendererFramingTest {

    private static final int COLUMNS = FramingActivity.COLUMNS;
    private static final int ROWS = FramingActivity.ROWS;
    /** A 16:9 source's 9:16 crop: 0.316 of its width. */
    private static final double CROP = 9 / 16.0 * 9 / 16.0;

    @Test
    void the_crop_goes_where_the_motion_is_and_glides_there_no_faster_than_allowed() {
        // 2 s of motion at columns 4–9 (left), then 4 s at columns 52–57 (right).
        FramingActivity activity = activity(30, sample -> sample < 10 ? 4 : 52, 6);

        FramingPath path = FramingPath.follow(activity, CROP, 6.0);

        assertThat(path.motionFound()).isTrue();
        assertThat(path.positionAt(0)).isLessThan(0.1);
        assertThat(path.positionAt(5.9)).isGreaterThan(0.9);
        List<FramingPath.Keyframe> keyframes = path.keyframes();
        double maxPerSecond = FramingPath.MAX_SPEED * CROP / (1 - CROP);
        for (int index = 1; index < keyframes.size(); index++) {
            FramingPath.Keyframe a = keyframes.get(index - 1);
            FramingPath.Keyframe b = keyframes.get(index);
            assertThat(b.seconds()).isGreaterThan(a.seconds());
            assertThat(b.position()).as("never back").isGreaterThanOrEqualTo(a.position() - 1e-9);
            assertThat((b.position() - a.position()) / (b.seconds() - a.seconds())).isLessThanOrEqualTo(maxPerSecond + 1e-6);
        }
        assertThat(path.describe(1920)).matches("follow action: \\d+ keyframes, crop \\d+ px wide, x from \\d+ to \\d+ px of 1920");
    }

    @Test
    void motion_that_wobbles_inside_the_dead_zone_does_not_move_the_crop() {
        FramingActivity activity = activity(50, sample -> sample % 2 == 0 ? 30 : 32, 4);

        FramingPath path = FramingPath.follow(activity, CROP, 10.0);

        assertThat(path.keyframes()).hasSize(1);
        assertThat(path.expression()).doesNotContain("clip");
    }

    @Test
    void motion_spread_over_the_whole_picture_does_not_move_the_crop() {
        // Motion at the left for 1 s, then everywhere (a pan) for 5 s with a slightly busier right side.
        FramingActivity activity = activity(30, sample -> sample < 5 ? 4 : 0, 6, sample -> 200,
                sample -> sample < 5 ? 0 : 40);

        FramingPath path = FramingPath.follow(activity, CROP, 6.0);

        assertThat(path.keyframes()).hasSize(1);
        assertThat(path.positionAt(5)).isLessThan(0.1);
    }

    @Test
    void without_motion_the_crop_stays_in_the_middle() {
        FramingPath path = FramingPath.follow(FramingActivity.fromDifferenceFrames(new byte[COLUMNS * ROWS * 20],
                COLUMNS, ROWS, 5), CROP, 4.0);

        assertThat(path.motionFound()).isFalse();
        assertThat(path.positionAt(2)).isEqualTo(0.5);
        assertThat(path.describe(640)).contains("no motion found");
    }

    @Test
    void a_long_restless_clip_is_thinned_to_at_most_60_keyframes_that_ffmpeg_still_parses() {
        Random random = new Random(3);
        int[] where = new int[5 * 60 * 5];
        for (int second = 0; second < where.length / 5; second++) {
            int column = random.nextInt(COLUMNS - 6);
            for (int sample = second * 5; sample < second * 5 + 5; sample++) {
                where[sample] = column;
            }
        }
        FramingActivity activity = activity(where.length, sample -> where[sample], 6);

        FramingPath path = FramingPath.follow(activity, CROP, 300.0);

        assertThat(path.keyframes().size()).isBetween(10, FramingPath.MAX_KEYFRAMES);
        parsedByFfmpeg(path);
        List<FramingPath.Keyframe> zigzag = new java.util.ArrayList<>();
        for (int index = 0; index < FramingPath.MAX_KEYFRAMES; index++) {
            zigzag.add(new FramingPath.Keyframe(index, index % 2 == 0 ? 0.1 : 0.9));
        }
        parsedByFfmpeg(new FramingPath(zigzag, CROP, true));
    }

    private static void parsedByFfmpeg(FramingPath path) {
        String x = "(iw-ow)*(" + path.expression() + ")";
        new FfmpegRun(RenderFixtures.ffmpeg()).transcode(List.of("-f", "lavfi", "-i", "color=s=640x360:r=5:d=1",
                "-vf", RenderPlan.coverCropFilter(x), "-f", "null", "-"), Duration.ofSeconds(30), micros -> { });
    }

    @Test
    void the_expression_is_a_flat_sum_that_matches_the_keyframes() {
        FramingPath path = new FramingPath(List.of(new FramingPath.Keyframe(0, 0.2), new FramingPath.Keyframe(1.5, 0.8),
                new FramingPath.Keyframe(3, 0.5)), CROP, true);

        assertThat(path.expression()).isEqualTo("0.2000+0.6000*clip((t-0.0000)/1.5000,0,1)-0.3000*clip((t-1.5000)/1.5000,0,1)");
        assertThat(path.positionAt(0.75)).isCloseTo(0.5, within(1e-9));
        assertThat(path.positionAt(2.25)).isCloseTo(0.65, within(1e-9));
        assertThat(path.positionAt(10)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void the_most_active_second_is_found_for_the_thumbnail() {
        FramingActivity activity = activity(20, sample -> 10, 6, sample -> sample >= 10 && sample < 15 ? 250 : 40);

        assertThat(activity.mostActiveSecond(4.0)).hasValue(2.5);
    }

    private interface Column {
        int at(int sample);
    }

    private static FramingActivity activity(int samples, Column column, int width) {
        return activity(samples, column, width, sample -> 200);
    }

    private static FramingActivity activity(int samples, Column column, int width, Column brightness) {
        return activity(samples, column, width, brightness, sample -> 0);
    }

    /**
     * Difference frames with a bright block {@code width} columns wide starting at {@code column.at(sample)},
     * over an even {@code everywhere.at(sample)} across the whole frame that grows a little to the right.
     */
    private static FramingActivity activity(int samples, Column column, int width, Column brightness,
                                            Column everywhere) {
        byte[] raw = new byte[samples * COLUMNS * ROWS];
        for (int sample = 0; sample < samples; sample++) {
            int base = everywhere.at(sample);
            if (base > 0) {
                for (int index = 0; index < COLUMNS * ROWS; index++) {
                    raw[sample * COLUMNS * ROWS + index] = (byte) (base + (index % COLUMNS) / 8);
                }
            }
            for (int row = 10; row < 20; row++) {
                for (int c = column.at(sample); c < column.at(sample) + width; c++) {
                    raw[sample * COLUMNS * ROWS + row * COLUMNS + c] = (byte) brightness.at(sample);
                }
            }
        }
        return FramingActivity.fromDifferenceFrames(raw, COLUMNS, ROWS, FramingActivity.SAMPLES_PER_SECOND);
    }
}
