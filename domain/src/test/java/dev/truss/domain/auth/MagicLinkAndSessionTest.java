package dev.truss.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.id.CreatorId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MagicLinkAndSessionTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final TokenHash HASH = SecretTokenTest.KNOWN.hash();

    @Test
    void a_magic_link_lives_15_minutes() {
        MagicLink link = MagicLink.issue(HASH, new EmailAddress("alice@example.com"), NOW);

        assertThat(link.createdAt()).isEqualTo(NOW);
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(link.tokenHash()).isEqualTo(HASH);
    }

    @Test
    void a_magic_link_is_expired_from_its_expiry_on() {
        MagicLink link = MagicLink.issue(HASH, new EmailAddress("alice@example.com"), NOW);

        assertThat(link.isExpiredAt(NOW)).isFalse();
        assertThat(link.isExpiredAt(link.expiresAt().minusMillis(1))).isFalse();
        assertThat(link.isExpiredAt(link.expiresAt())).isTrue();
        assertThat(link.isExpiredAt(link.expiresAt().plusSeconds(1))).isTrue();
    }

    @Test
    void a_session_lives_30_days_and_is_expired_from_its_expiry_on() {
        Session session = Session.open(HASH, CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3"), NOW);

        assertThat(session.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(session.isExpiredAt(session.expiresAt().minusMillis(1))).isFalse();
        assertThat(session.isExpiredAt(session.expiresAt())).isTrue();
    }
}
