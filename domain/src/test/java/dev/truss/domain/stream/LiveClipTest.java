package dev.truss.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.platform.Platform;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveClipTest {

    private static final Instant AT = Instant.parse("2026-11-27T20:00:00Z");
    private static final StreamId STREAM = StreamId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C5");
    private static final ChatSpike SPIKE = new ChatSpike(STREAM, AT, AT.plusSeconds(10), AT.plusSeconds(40), 300, 30,
            10, 180);
    private static final LiveClip REQUESTED = LiveClip.requested(CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C4"), STREAM, SPIKE.start(),
            Platform.TWITCH, AT.plusSeconds(41));

    @Test
    void a_requested_clip_is_keyed_by_its_spike_and_becomes_creating_then_created() {
        LiveClip created = REQUESTED.creating("AwkwardHelplessSalamander", AT.plusSeconds(42))
                .created("AwkwardHelplessSalamander", "https://clips.twitch.tv/AwkwardHelplessSalamander",
                        AT.plusSeconds(50));

        assertThat(REQUESTED.spikeStart()).isEqualTo(SPIKE.start());
        assertThat(REQUESTED.streamId()).isEqualTo(STREAM);
        assertThat(REQUESTED.isFinished()).isFalse();
        assertThat(created.state()).isEqualTo(new LiveClip.State.Created("AwkwardHelplessSalamander",
                "https://clips.twitch.tv/AwkwardHelplessSalamander"));
        assertThat(created.isFinished()).isTrue();
        assertThat(created.updatedAt()).isEqualTo(AT.plusSeconds(50));
    }

    @Test
    void a_clip_may_be_created_straight_from_requested_and_a_finished_one_changes_no_more() {
        LiveClip created = REQUESTED.created("Clip", "https://clips.twitch.tv/Clip", AT);
        LiveClip failed = REQUESTED.creating("Clip", AT).failed("Twitch did not make the clip", AT);

        assertThatThrownBy(() -> created.failed("late", AT)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> failed.creating("Other", AT)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> failed.created("Clip", "https://clips.twitch.tv/Clip", AT))
                .isInstanceOf(IllegalTransitionException.class);
    }
}
