package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.SecretSealerContract;
import dev.truss.application.port.AesGcmSecretSealer;
import dev.truss.application.port.SecretSealer;
import dev.truss.domain.platform.SealedSecret;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest extends SecretSealerContract {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
    private static final String OTHER_KEY = AesGcmSecretSealer.newKeyBase64();

    @Override
    protected SecretSealer newSealer() {
        return AesGcmSecretSealer.fromBase64(KEY);
    }

    @Override
    protected SecretSealer newSealerWithAnotherKey() {
        return AesGcmSecretSealer.fromBase64(OTHER_KEY);
    }

    @Test
    void sealed_secrets_name_their_format_version() {
        assertThat(newSealer().seal("token").ciphertext()).startsWith("v1:");
    }

    @Test
    void a_secret_of_an_unknown_format_version_is_rejected_by_name() {
        String sealed = newSealer().seal("token").ciphertext();
        assertThatThrownBy(() -> newSealer().unseal(new SealedSecret("v2:" + sealed.substring(3))))
                .isInstanceOf(AesGcmSecretSealer.UnsealException.class).hasMessageContaining("v1");
    }

    @Test
    void altering_a_secret_says_it_was_altered_or_sealed_with_another_key() {
        SealedSecret foreign = newSealerWithAnotherKey().seal("token");
        assertThatThrownBy(() -> newSealer().unseal(foreign))
                .isInstanceOf(AesGcmSecretSealer.UnsealException.class)
                .hasMessageContaining("altered or sealed with another key");
    }

    @Test
    void a_key_must_be_32_bytes() {
        assertThatThrownBy(() -> new AesGcmSecretSealer(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void a_key_that_is_not_base64_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> AesGcmSecretSealer.fromBase64("s3cr3t!key"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("s3cr3t");
    }

    @Test
    void a_url_safe_base64_key_opens_what_the_standard_form_sealed() {
        byte[] raw = Base64.getDecoder().decode(OTHER_KEY);
        SealedSecret sealed = AesGcmSecretSealer.fromBase64(OTHER_KEY).seal("token");
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThat(AesGcmSecretSealer.fromBase64(urlSafe).unseal(sealed)).isEqualTo("token");
    }
}
