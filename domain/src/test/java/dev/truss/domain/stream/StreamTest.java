package dev.truss.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.platform.Platform;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamTest {

    static final Instant AT = Instant.parse("2026-03-01T20:00:00Z");
    static final StreamId ID = StreamId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C7");

    static Stream live() {
        return Stream.started(ID, CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3"), " Ranked grind ", Platform.TWITCH,
                ChatSpikeSettings.defaults(), AT);
    }

    @Test
    void a_started_stream_is_live_with_a_fresh_detector_of_its_own() {
        Stream stream = live();

        assertThat(stream.state()).isEqualTo(StreamState.LIVE);
        assertThat(stream.title()).isEqualTo("Ranked grind");
        assertThat(stream.endedAt()).isEmpty();
        assertThat(stream.chat().streamId()).isEqualTo(ID);
        assertThat(stream.messageCount()).isZero();
    }

    @Test
    void a_stream_ends_once() {
        Stream ended = live().ended(AT.plusSeconds(3600));

        assertThat(ended.state()).isEqualTo(StreamState.ENDED);
        assertThat(ended.endedAt()).contains(AT.plusSeconds(3600));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> ended.ended(AT.plusSeconds(3700)));
    }

    @Test
    void a_stream_refuses_the_chat_state_of_another_stream() {
        ChatSpikeState other = ChatSpikeDetector.start(StreamId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C8"),
                ChatSpikeSettings.defaults()).state();

        assertThatIllegalArgumentException().isThrownBy(() -> live().withChat(other))
                .withMessageContaining("belongs to stream");
    }
}
