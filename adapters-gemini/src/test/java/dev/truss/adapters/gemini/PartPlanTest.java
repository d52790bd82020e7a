package dev.truss.adapters.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.time.TimeRange;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PartPlanTest {

    private static final long MINUTE = 60_000;

    @Test
    void a_video_that_fits_goes_whole() {
        PartPlan plan = PartPlan.of(45 * MINUTE, 45 * MINUTE, MINUTE);

        assertThat(plan.parts()).singleElement().satisfies(part -> {
            assertThat(part.range()).isEqualTo(new TimeRange(0, 45 * MINUTE));
            assertThat(part.own()).isEqualTo(part.range());
            assertThat(part.label()).isEqualTo("the video");
        });
    }

    @Test
    void a_three_hour_video_goes_in_the_fewest_equal_parts_sharing_the_overlap() {
        long duration = 3 * 60 * MINUTE;

        PartPlan plan = PartPlan.of(duration, 45 * MINUTE, MINUTE);

        assertThat(plan.parts()).hasSize(5);
        List<TimeRange> ranges = plan.ranges();
        assertThat(ranges.get(0).startMs()).isZero();
        assertThat(ranges.get(4).endMs()).isEqualTo(duration);
        for (int i = 0; i < ranges.size(); i++) {
            assertThat(ranges.get(i).durationMs()).isLessThanOrEqualTo(45 * MINUTE);
            if (i > 0) {
                assertThat(ranges.get(i - 1).endMs() - ranges.get(i).startMs()).isEqualTo(MINUTE);
            }
        }
        assertThat(plan.parts().get(2).label()).isEqualTo("part 3 of 5");
    }

    @Test
    void the_owned_stretches_cover_the_video_once_meeting_in_the_middle_of_each_overlap() {
        PartPlan plan = PartPlan.of(25 * MINUTE, 10 * MINUTE, MINUTE);

        assertThat(plan.ranges()).containsExactly(new TimeRange(0, 9 * MINUTE), new TimeRange(8 * MINUTE, 17 * MINUTE),
                new TimeRange(16 * MINUTE, 25 * MINUTE));
        assertThat(plan.parts()).extracting(PartPlan.Planned::own).containsExactly(
                new TimeRange(0, 510_000), new TimeRange(510_000, 990_000), new TimeRange(990_000, 25 * MINUTE));
    }

    @Test
    void a_video_barely_longer_than_a_part_gets_two_without_a_sliver() {
        PartPlan plan = PartPlan.of(45 * MINUTE + 1_000, 45 * MINUTE, MINUTE);

        assertThat(plan.parts()).hasSize(2);
        assertThat(plan.ranges()).allSatisfy(range -> assertThat(range.durationMs()).isGreaterThan(20 * MINUTE));
    }
}
