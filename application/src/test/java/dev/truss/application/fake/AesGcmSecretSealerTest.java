package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.SecretSealerContract;
import dev.truss.application.port.AesGcmSecretSealer;
import dev.truss.application.port.SecretSealer;
import dev.truss.domain.platform.SealedSecret;
import java.util.Base64;
import java.util.List;
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
    void sealed_secrets_name_their_format_version_and_the_key_that_sealed_them() {
        AesGcmSecretSealer sealer = AesGcmSecretSealer.fromBase64(KEY);

        assertThat(sealer.seal("token").ciphertext()).startsWith("v2:" + sealer.currentKeyId() + ":");
        assertThat(sealer.currentKeyId()).matches("[0-9a-f]{8}")
                .isNotEqualTo(AesGcmSecretSealer.fromBase64(OTHER_KEY).currentKeyId());
    }

    @Test
    void a_secret_of_an_unknown_format_version_is_rejected_by_name() {
        String sealed = newSealer().seal("token").ciphertext();
        assertThatThrownBy(() -> newSealer().unseal(new SealedSecret("v3:" + sealed.substring(3))))
                .isInstanceOf(AesGcmSecretSealer.UnsealException.class).hasMessageContaining("v2");
    }

    @Test
    void after_a_rotation_the_new_key_seals_and_what_the_retired_key_sealed_still_opens() {
        SealedSecret old = AesGcmSecretSealer.fromBase64(OTHER_KEY).seal("old token");
        AesGcmSecretSealer rotated = AesGcmSecretSealer.fromBase64(KEY, List.of(OTHER_KEY));

        SealedSecret fresh = rotated.seal("new token");

        assertThat(rotated.unseal(old)).isEqualTo("old token");
        assertThat(fresh.ciphertext()).startsWith("v2:" + AesGcmSecretSealer.fromBase64(KEY).currentKeyId() + ":");
        assertThat(AesGcmSecretSealer.fromBase64(KEY).unseal(fresh)).isEqualTo("new token");
        assertThatThrownBy(() -> AesGcmSecretSealer.fromBase64(KEY).unseal(old))
                .isInstanceOf(AesGcmSecretSealer.UnsealException.class)
                .hasMessageContaining("which this server does not have");
    }

    @Test
    void the_key_id_is_authenticated_so_relabelling_a_secret_with_another_key_id_does_not_open_it() {
        AesGcmSecretSealer ring = AesGcmSecretSealer.fromBase64(KEY, List.of(OTHER_KEY));
        String sealed = AesGcmSecretSealer.fromBase64(OTHER_KEY).seal("token").ciphertext();
        String otherId = AesGcmSecretSealer.fromBase64(OTHER_KEY).currentKeyId();
        String relabelled = sealed.replace(":" + otherId + ":", ":" + ring.currentKeyId() + ":");

        assertThatThrownBy(() -> ring.unseal(new SealedSecret(relabelled)))
                .isInstanceOf(AesGcmSecretSealer.UnsealException.class);
    }

    @Test
    void a_secret_sealed_in_the_first_format_without_a_key_id_still_opens_with_its_key() throws Exception {
        byte[] key = Base64.getDecoder().decode(OTHER_KEY);
        byte[] nonce = new byte[12];
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        cipher.updateAAD("v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] sealed = cipher.doFinal("legacy token".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        SealedSecret v1 = new SealedSecret("v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(out));

        assertThat(AesGcmSecretSealer.fromBase64(KEY, List.of(OTHER_KEY)).unseal(v1)).isEqualTo("legacy token");
        assertThatThrownBy(() -> AesGcmSecretSealer.fromBase64(KEY).unseal(v1))
                .isInstanceOf(AesGcmSecretSealer.UnsealException.class);
    }

    @Test
    void altering_a_secret_says_it_was_altered_and_a_secret_of_an_unknown_key_names_the_key() {
        String sealed = newSealer().seal("token").ciphertext();
        char last = sealed.charAt(sealed.length() - 2);
        SealedSecret altered = new SealedSecret(sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1));
        SealedSecret foreign = newSealerWithAnotherKey().seal("token");

        assertThatThrownBy(() -> newSealer().unseal(altered))
                .isInstanceOf(AesGcmSecretSealer.UnsealException.class)
                .hasMessageContaining("altered or sealed with another key");
        assertThatThrownBy(() -> newSealer().unseal(foreign))
                .isInstanceOf(AesGcmSecretSealer.UnsealException.class)
                .hasMessageContaining(AesGcmSecretSealer.fromBase64(OTHER_KEY).currentKeyId());
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
