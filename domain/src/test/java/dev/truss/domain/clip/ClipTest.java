package dev.truss.domain.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.ViralityScore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClipTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    static final TimeRange RANGE = new TimeRange(60_000, 90_000);
    static final JobId JOB = JobId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C9");

    static Clip clip(TimeRange range) {
        return new Clip(ClipId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C5"), CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3"),
                AssetId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C4"), range, "The clutch", "Watch this", "#gaming",
                new ViralityScore(0, List.of()), Layout.CENTER_CROP, new RenderState.NotRendered(), AT, 0);
    }

    static Clip renderedClip() {
        return clip(RANGE).renderQueued(JOB).rendered("clips/c.mp4", "clips/c.jpg", AT.plusSeconds(30));
    }

    @Test
    void a_clip_is_at_most_three_minutes_long() {
        assertThat(clip(new TimeRange(0, 180_000)).range().durationMs()).isEqualTo(180_000);
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> clip(new TimeRange(0, 180_001)))
                .withMessage("a clip is at most 180 s long, got 180001 ms");
    }

    @Test
    void a_range_must_fit_inside_its_video() {
        assertThat(Clip.within(RANGE, 90_000)).isEqualTo(RANGE);
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Clip.within(RANGE, 89_999))
                .withMessageContaining("ends at 90000 ms but the video is only 89999 ms long");
    }

    @Test
    void editing_only_the_words_keeps_the_render() {
        Clip edited = renderedClip().edited(RANGE, " New title ", "New hook", "New caption", Layout.CENTER_CROP);

        assertThat(edited.render()).isEqualTo(renderedClip().render());
        assertThat(edited.title()).isEqualTo("New title");
        assertThat(edited.caption()).isEqualTo("New caption");
    }

    @Test
    void moving_the_range_discards_the_render() {
        Clip edited = renderedClip().edited(new TimeRange(61_000, 90_000), "The clutch", "", "", Layout.CENTER_CROP);

        assertThat(edited.render()).isEqualTo(new RenderState.NotRendered());
        assertThat(edited.range()).isEqualTo(new TimeRange(61_000, 90_000));
    }

    @Test
    void changing_the_layout_discards_the_render() {
        Clip edited = renderedClip().edited(RANGE, "The clutch", "", "", Layout.BLURRED_FIT);

        assertThat(edited.render()).isEqualTo(new RenderState.NotRendered());
        assertThat(edited.layout()).isEqualTo(Layout.BLURRED_FIT);
    }

    @Test
    void a_render_goes_from_queued_to_rendered_or_failed_and_can_be_done_again() {
        Clip queued = clip(RANGE).renderQueued(JOB);
        assertThat(queued.render()).isEqualTo(new RenderState.Rendering(JOB));

        assertThat(queued.rendered("v.mp4", "t.jpg", AT).render())
                .isEqualTo(new RenderState.Rendered("v.mp4", "t.jpg", AT));
        assertThat(queued.renderFailed(" ffmpeg crashed ", AT).render())
                .isEqualTo(new RenderState.RenderFailed("ffmpeg crashed", AT));
        assertThat(renderedClip().renderQueued(JOB).render()).isEqualTo(new RenderState.Rendering(JOB));
    }

    @Test
    void a_failed_render_needs_a_reason() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> clip(RANGE).renderQueued(JOB).renderFailed("  ", AT));
    }

    @Test
    void a_clip_needs_a_title_of_at_most_100_characters() {
        Clip clip = clip(RANGE);
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> clip.edited(RANGE, " ", "", "", Layout.CENTER_CROP));
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> clip.edited(RANGE, "x".repeat(101), "", "", Layout.CENTER_CROP));
    }
}
