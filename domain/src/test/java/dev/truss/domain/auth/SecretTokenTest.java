package dev.truss.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecretTokenTest {

    static final SecretToken KNOWN = new SecretToken("A".repeat(43));

    @Test
    void a_generated_token_is_43_url_safe_characters_and_never_repeats() {
        SecureRandom random = new SecureRandom();
        Set<SecretToken> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SecretToken token = SecretToken.generate(random);
            assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
            seen.add(token);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void a_token_must_have_the_shape_of_a_generated_one() {
        for (String bad : new String[] {null, "A".repeat(42), "A".repeat(44), "A".repeat(42) + "+",
                "A".repeat(42) + "/", "A".repeat(42) + "=", "A".repeat(42) + " "}) {
            assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new SecretToken(bad));
        }
    }

    @Test
    void a_token_is_never_printed() {
        SecretToken token = SecretToken.generate(new SecureRandom());

        assertThat(token.toString()).isEqualTo("SecretToken[***]").doesNotContain(token.value());
    }

    @Test
    void tokens_are_equal_by_value() {
        SecretToken copy = new SecretToken("A".repeat(43));

        assertThat(copy).isEqualTo(KNOWN).hasSameHashCodeAs(KNOWN);
        assertThat(new SecretToken("B".repeat(43))).isNotEqualTo(KNOWN);
    }

    @Test
    void the_hash_is_the_sha256_of_the_token_in_lower_case_hex() {
        // printf 'AAAA…' (43 times) | sha256sum
        assertThat(KNOWN.hash().hex()).isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
    }

    @Test
    void the_hash_is_stable_and_tells_tokens_apart() {
        SecretToken token = SecretToken.generate(new SecureRandom());

        assertThat(token.hash()).isEqualTo(new SecretToken(token.value()).hash());
        assertThat(token.hash().hex()).matches("[0-9a-f]{64}");
        assertThat(token.hash()).isNotEqualTo(KNOWN.hash());
    }

    @Test
    void a_token_hash_is_64_lower_case_hex_digits() {
        assertThat(new TokenHash("0".repeat(64)).hex()).hasSize(64);
        for (String bad : new String[] {null, "0".repeat(63), "0".repeat(65), "A".repeat(64), "g".repeat(64)}) {
            assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new TokenHash(bad))
                    .withMessage("not a SHA-256 token hash");
        }
    }
}
