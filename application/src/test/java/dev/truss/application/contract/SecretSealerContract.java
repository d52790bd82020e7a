package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.SecretSealer;
import dev.truss.domain.platform.SealedSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link SecretSealer} must do. Extend it and say how to make two sealers with different keys. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SecretSealerContract {

    private static final String TOKEN = "ya29.a0-refresh-token_ÄÖ-🔑";

    /** A sealer with a fixed key: two calls must give sealers that can open each other's secrets. */
    protected abstract SecretSealer newSealer();

    /** A sealer with a key different from {@link #newSealer()}'s. */
    protected abstract SecretSealer newSealerWithAnotherKey();

    @Test
    void a_sealed_secret_unseals_to_the_plaintext() {
        SecretSealer sealer = newSealer();
        assertThat(sealer.unseal(sealer.seal(TOKEN))).isEqualTo(TOKEN);
        assertThat(sealer.unseal(sealer.seal(""))).isEmpty();
    }

    @Test
    void a_sealer_with_the_same_key_unseals_what_another_sealed() {
        assertThat(newSealer().unseal(newSealer().seal(TOKEN))).isEqualTo(TOKEN);
    }

    @Test
    void the_same_plaintext_seals_differently_each_time() {
        SecretSealer sealer = newSealer();
        assertThat(sealer.seal(TOKEN)).isNotEqualTo(sealer.seal(TOKEN));
    }

    @Test
    void a_sealed_secret_never_contains_the_plaintext() {
        String plaintext = "plain-access-token-1234567890";
        assertThat(newSealer().seal(plaintext).ciphertext()).doesNotContain(plaintext).doesNotContain("1234567890");
    }

    @Test
    void a_tampered_secret_is_rejected() {
        SecretSealer sealer = newSealer();
        String sealed = sealer.seal(TOKEN).ciphertext();
        int middle = sealed.length() / 2;
        char other = sealed.charAt(middle) == 'A' ? 'B' : 'A';
        SealedSecret tampered = new SealedSecret(sealed.substring(0, middle) + other + sealed.substring(middle + 1));

        assertThatThrownBy(() -> sealer.unseal(tampered)).isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(TOKEN));
    }

    @Test
    void a_truncated_secret_is_rejected() {
        SecretSealer sealer = newSealer();
        String sealed = sealer.seal(TOKEN).ciphertext();
        assertThatThrownBy(() -> sealer.unseal(new SealedSecret(sealed.substring(0, sealed.length() - 4))))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_secret_sealed_with_another_key_is_rejected() {
        SealedSecret foreign = newSealerWithAnotherKey().seal(TOKEN);
        assertThatThrownBy(() -> newSealer().unseal(foreign)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void text_that_was_never_sealed_is_rejected() {
        SecretSealer sealer = newSealer();
        assertThatThrownBy(() -> sealer.unseal(new SealedSecret(TOKEN))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> sealer.unseal(new SealedSecret(""))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void one_sealer_can_be_used_by_many_threads_at_once() throws Exception {
        SecretSealer sealer = newSealer();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String plaintext = "token-" + i;
                results.add(pool.submit(() -> sealer.unseal(sealer.seal(plaintext)).equals(plaintext)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
