package dev.truss.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicationTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    static Publication pending() {
        return Publication.pending(CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3"), ClipId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C5"),
                Platform.YOUTUBE, AT);
    }

    @Test
    void a_publication_starts_pending_and_untried() {
        assertThat(pending().state()).isEqualTo(new PublicationState.Pending());
        assertThat(pending().attempts()).isZero();
    }

    @Test
    void an_upload_counts_one_attempt_however_often_it_resumes() {
        Publication uploading = pending().uploading("session-1", AT.plusSeconds(1));
        Publication resumed = uploading.uploading("session-2", AT.plusSeconds(2));

        assertThat(uploading.attempts()).isEqualTo(1);
        assertThat(resumed.attempts()).isEqualTo(1);
        assertThat(resumed.state()).isEqualTo(new PublicationState.Uploading("session-2", AT.plusSeconds(2)));
    }

    @Test
    void an_upload_ends_published_with_where_to_find_it() {
        Publication published = pending().uploading("s", AT).published("dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ", AT);

        assertThat(published.state())
                .isEqualTo(new PublicationState.Published("dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ", AT));
        assertThat(published.attempts()).isEqualTo(1);
    }

    @Test
    void a_failed_publication_is_retried_as_a_new_attempt() {
        Publication failed = pending().uploading("s", AT).failed("quota exceeded", AT.plusSeconds(5));
        Publication retried = failed.retried(AT.plusSeconds(60));

        assertThat(failed.state()).isEqualTo(new PublicationState.Failed("quota exceeded", AT.plusSeconds(5)));
        assertThat(retried.state()).isEqualTo(new PublicationState.Pending());
        assertThat(retried.uploading("s2", AT.plusSeconds(61)).attempts()).isEqualTo(2);
    }

    @Test
    void a_failed_publication_must_be_retried_before_uploading_again() {
        Publication failed = pending().uploading("s", AT).failed("quota exceeded", AT);

        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> failed.uploading("s2", AT));
    }

    @Test
    void only_a_failed_publication_can_be_retried() {
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> pending().retried(AT));
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> pending().uploading("s", AT).retried(AT));
    }

    @Test
    void a_published_clip_stays_published() {
        Publication published = pending().uploading("s", AT).published("id", "https://youtu.be/id", AT);

        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> published.uploading("s", AT));
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> published.published("id", "https://youtu.be/id", AT));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> published.failed("late", AT));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> published.retried(AT));
    }
}
