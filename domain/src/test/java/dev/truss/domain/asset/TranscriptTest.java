package dev.truss.domain.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TranscriptTest {

    private static TranscriptSegment said(long startMs, long endMs, String text) {
        return new TranscriptSegment(new TimeRange(startMs, endMs), text);
    }

    @Test
    void segments_are_kept_in_timeline_order_whatever_order_they_came_in() {
        Transcript transcript = new Transcript(List.of(said(5_000, 7_000, "third"), said(0, 2_000, "first"),
                said(0, 1_000, "zeroth"), said(2_000, 5_000, "second")));

        assertThat(transcript.segments()).extracting(TranscriptSegment::text)
                .containsExactly("zeroth", "first", "second", "third");
    }

    @Test
    void the_segments_within_a_range_are_cut_to_it_and_stay_on_the_videos_timeline() {
        Transcript transcript = new Transcript(List.of(said(0, 4_000, "before"), said(8_000, 12_000, "across the start"),
                said(12_000, 14_000, "inside"), said(18_000, 25_000, "across the end"), said(30_000, 31_000, "after")));

        assertThat(transcript.within(new TimeRange(10_000, 20_000))).containsExactly(
                said(10_000, 12_000, "across the start"), said(12_000, 14_000, "inside"),
                said(18_000, 20_000, "across the end"));
    }

    @Test
    void a_segment_that_only_touches_the_range_is_left_out() {
        Transcript transcript = new Transcript(List.of(said(0, 10_000, "ends at the start"),
                said(20_000, 21_000, "starts at the end")));

        assertThat(transcript.within(new TimeRange(10_000, 20_000))).isEmpty();
    }

    @Test
    void a_segment_covering_the_whole_range_becomes_the_range() {
        Transcript transcript = new Transcript(List.of(said(0, 60_000, "a long monologue")));

        assertThat(transcript.within(new TimeRange(10_000, 20_000)))
                .containsExactly(said(10_000, 20_000, "a long monologue"));
    }

    @Test
    void an_empty_transcript_has_nothing_within_any_range() {
        assertThat(Transcript.EMPTY.isEmpty()).isTrue();
        assertThat(Transcript.EMPTY.within(new TimeRange(0, 1_000))).isEmpty();
    }

    @Test
    void a_transcript_holds_at_most_twenty_thousand_segments() {
        List<TranscriptSegment> many = new ArrayList<>();
        for (int i = 0; i <= Transcript.MAX_SEGMENTS; i++) {
            many.add(said(i * 500L, i * 500L + 500, "word"));
        }

        assertThat(new Transcript(many.subList(0, Transcript.MAX_SEGMENTS)).size()).isEqualTo(Transcript.MAX_SEGMENTS);
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new Transcript(many));
    }
}
