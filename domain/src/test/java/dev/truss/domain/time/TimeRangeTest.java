package dev.truss.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class TimeRangeTest {

    @Example
    void a_range_cannot_start_before_zero() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new TimeRange(-1, 1_000))
                .withMessageContaining("before 0 ms");
    }

    @Example
    void a_range_must_end_after_it_starts() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new TimeRange(1_000, 1_000))
                .withMessageContaining("end after it starts");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new TimeRange(1_000, 999));
    }

    @Example
    void seconds_are_rounded_to_milliseconds() {
        TimeRange range = TimeRange.ofSeconds(1.5, 2.0004);

        assertThat(range).isEqualTo(new TimeRange(1_500, 2_000));
        assertThat(range.durationMs()).isEqualTo(500);
    }

    @Example
    void the_end_is_excluded() {
        TimeRange range = new TimeRange(1_000, 2_000);

        assertThat(range.contains(1_000)).isTrue();
        assertThat(range.contains(1_999)).isTrue();
        assertThat(range.contains(2_000)).isFalse();
        assertThat(range.contains(999)).isFalse();
        assertThat(range.overlaps(new TimeRange(2_000, 3_000))).isFalse();
        assertThat(range.overlaps(new TimeRange(1_999, 3_000))).isTrue();
    }

    @Example
    void a_range_contains_itself_and_its_parts_but_not_what_sticks_out() {
        TimeRange range = new TimeRange(1_000, 2_000);

        assertThat(range.contains(range)).isTrue();
        assertThat(range.contains(new TimeRange(1_200, 1_800))).isTrue();
        assertThat(range.contains(new TimeRange(1_200, 2_001))).isFalse();
        assertThat(range.contains(new TimeRange(999, 1_500))).isFalse();
    }

    @Property
    void overlapping_is_symmetric(@ForAll("ranges") TimeRange a, @ForAll("ranges") TimeRange b) {
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
    }

    @Property
    void two_ranges_overlap_iff_neither_ends_before_the_other_starts(@ForAll("ranges") TimeRange a,
                                                                     @ForAll("ranges") TimeRange b) {
        boolean apart = a.endMs() <= b.startMs() || b.endMs() <= a.startMs();

        assertThat(a.overlaps(b)).isEqualTo(!apart);
    }

    @Property
    void a_range_overlaps_every_range_it_contains(@ForAll("ranges") TimeRange a, @ForAll("ranges") TimeRange b) {
        if (a.contains(b)) {
            assertThat(a.overlaps(b)).isTrue();
            assertThat(a.contains(b.startMs())).isTrue();
        }
    }

    @Property
    void an_instant_is_inside_iff_the_one_millisecond_range_there_overlaps(@ForAll("ranges") TimeRange a,
                                                                          @ForAll @LongRange(max = 1_500) long at) {
        assertThat(a.contains(at)).isEqualTo(a.overlaps(new TimeRange(at, at + 1)));
    }

    @Provide
    Arbitrary<TimeRange> ranges() {
        return Combinators.combine(Arbitraries.longs().between(0, 1_000), Arbitraries.longs().between(1, 500))
                .as((start, length) -> new TimeRange(start, start + length));
    }
}
