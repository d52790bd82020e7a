package dev.truss.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.CreatorId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlatformTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void a_platform_name_is_read_whatever_its_case() {
        assertThat(Platform.parse("youtube")).isEqualTo(Platform.YOUTUBE);
        assertThat(Platform.parse("TikTok")).isEqualTo(Platform.TIKTOK);
        assertThat(Platform.parse(" twitch ")).isEqualTo(Platform.TWITCH);
        assertThat(Platform.parse("DISCORD")).isEqualTo(Platform.DISCORD);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void every_platform_parses_back_from_its_slug(Platform platform) {
        assertThat(Platform.parse(platform.slug())).isEqualTo(platform);
    }

    @Test
    void an_unknown_platform_is_refused_with_the_list_of_known_ones() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Platform.parse("myspace"))
                .withMessage("unknown platform 'myspace' (expected one of [youtube, tiktok, twitch, discord])");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Platform.parse(null));
    }

    @Test
    void a_connection_without_tokens_keeps_everything_else() {
        PlatformConnection connection = connection(Optional.of(AT.plusSeconds(3600)));
        PlatformConnection listed = connection.withoutTokens();

        assertThat(listed.tokens()).isEmpty();
        assertThat(listed).usingRecursiveComparison().ignoringFields("tokens").isEqualTo(connection);
    }

    @Test
    void a_connection_expires_after_its_expiry_and_never_without_one() {
        PlatformConnection expiring = connection(Optional.of(AT.plusSeconds(3600)));

        assertThat(expiring.isExpiredAt(AT)).isFalse();
        assertThat(expiring.isExpiredAt(AT.plusSeconds(3601))).isTrue();
        assertThat(connection(Optional.empty()).isExpiredAt(AT.plusSeconds(365L * 24 * 3600 * 100))).isFalse();
    }

    @Test
    void a_sealed_secret_never_prints_its_ciphertext() {
        SealedSecret secret = new SealedSecret("c2VjcmV0LWNpcGhlcnRleHQ=");

        assertThat(secret.toString()).doesNotContain("c2VjcmV0").isEqualTo("SealedSecret[***]");
        assertThat(connection(Optional.empty()).toString()).doesNotContain("c2VjcmV0");
    }

    static PlatformConnection connection(Optional<Instant> expiresAt) {
        return new PlatformConnection(CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3"), Platform.YOUTUBE, "UC123",
                "Alice plays", Set.of("youtube.upload"), expiresAt, AT,
                Optional.of(new SealedSecret("c2VjcmV0LWNpcGhlcnRleHQ=")));
    }
}
