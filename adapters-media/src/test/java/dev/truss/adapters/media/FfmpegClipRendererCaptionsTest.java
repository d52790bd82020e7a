package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.truss.application.port.media.ClipRenderer.CaptionCue;
import dev.truss.domain.time.TimeRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Caption cues moved onto the clip, cleaned for the font and wrapped to the frame. */
class FfmpegClipRendererCaptionsTest {

    private static final TimeRange CLIP = new TimeRange(10_000, 20_000);
    private static RenderFont FONT;

    @BeforeAll
    static void aFont() {
        Optional<RenderFont> found = RenderFont.locate(Optional.empty());
        assumeTrue(found.isPresent(), "no caption font on this machine (install fonts-dejavu-core)");
        FONT = found.get();
    }

    @Test
    void cues_move_onto_the_clip_timeline_those_outside_are_dropped_and_those_reaching_past_are_clamped() {
        RenderCaptions.Prepared prepared = RenderCaptions.prepare(List.of(
                new CaptionCue(new TimeRange(2_000, 9_000), "before"),
                new CaptionCue(new TimeRange(9_000, 11_500), "across the start"),
                new CaptionCue(new TimeRange(12_000, 13_250), "inside"),
                new CaptionCue(new TimeRange(19_000, 25_000), "across the end"),
                new CaptionCue(new TimeRange(20_000, 21_000), "after")), CLIP, 1080, 1920, FONT);

        assertThat(prepared.cues()).extracting(RenderCaptions.Cue::text)
                .containsExactly("across the start", "inside", "across the end");
        assertThat(prepared.cues()).extracting(RenderCaptions.Cue::startSeconds).containsExactly(0.0, 2.0, 9.0);
        assertThat(prepared.cues()).extracting(RenderCaptions.Cue::endSeconds).containsExactly(1.5, 3.25, 10.0);
        assertThat(prepared.cues()).extracting(RenderCaptions.Cue::fontSize).containsOnly(81);
    }

    @Test
    void characters_the_font_lacks_and_control_characters_are_left_out_and_spaces_collapsed() {
        StringBuilder kept = new StringBuilder();

        int dropped = RenderCaptions.clean("  Wait\u0007 for\t\tit 🎉🔥\r\nCafé  ", FONT, kept);

        assertThat(kept.toString()).isEqualTo("Wait for it\nCafé");
        assertThat(dropped).isEqualTo(2);
    }

    @Test
    void a_cue_left_empty_after_cleaning_is_dropped() {
        RenderCaptions.Prepared prepared = RenderCaptions.prepare(List.of(new CaptionCue(new TimeRange(11_000, 12_000),
                "🎉🎉")), CLIP, 1080, 1920, FONT);

        assertThat(prepared.cues()).isEmpty();
        assertThat(prepared.droppedCharacters()).isEqualTo(2);
    }

    @Test
    void lines_are_wrapped_by_words_to_the_width_keeping_the_authors_breaks_and_cutting_overlong_words() {
        List<String> lines = RenderCaptions.wrap("one two three four\nfive abcdefghijkl", 10, String::length);

        assertThat(lines).containsExactly("one two", "three four", "five", "abcdefghij", "kl");
    }

    @Test
    void long_captions_shrink_then_end_with_an_ellipsis_within_three_lines() {
        String speech = "This is a very long caption that somebody pasted from a transcript and it goes on and on "
                + "about everything that happened in the stream that day, far more than fits on a phone";

        RenderCaptions.Cue cue = RenderCaptions.prepare(List.of(new CaptionCue(new TimeRange(10_000, 12_000), speech)),
                CLIP, 1080, 1920, FONT).cues().get(0);

        assertThat(cue.fontSize()).isLessThan(81);
        assertThat(cue.lines()).hasSizeLessThanOrEqualTo(RenderCaptions.MAX_LINES);
        assertThat(cue.lines().get(cue.lines().size() - 1)).endsWith("…");
        for (String line : cue.lines()) {
            assertThat(FONT.width(line, cue.fontSize())).isLessThanOrEqualTo(1080 * RenderCaptions.LINE_SHARE + cue.fontSize());
        }
    }
}
