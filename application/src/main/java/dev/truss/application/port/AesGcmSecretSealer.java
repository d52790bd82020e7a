package dev.truss.application.port;

import dev.truss.domain.platform.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM. The output is {@code "v1:" + base64url(nonce || ciphertext || tag)}
 * with a fresh random 96-bit nonce per seal; the version prefix is also authenticated (as associated
 * data), so a later format or key can be introduced without guessing what an old value was.
 * Thread-safe: a {@link Cipher} is made per call because ciphers are not.
 */
public final class AesGcmSecretSealer implements SecretSealer {

    private static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes of key material; copied, so the caller may wipe its array */
    public AesGcmSecretSealer(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key is " + KEY_BYTES + " bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A sealer from a key written in base64 (standard or URL-safe), as it comes from configuration. */
    public static AesGcmSecretSealer fromBase64(String base64Key) {
        Objects.requireNonNull(base64Key, "key");
        String text = base64Key.strip();
        byte[] bytes;
        try {
            bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // The message of the decoder quotes the input: never echo key material.
            throw new IllegalArgumentException("the secret-sealing key is not valid base64");
        }
        try {
            return new AesGcmSecretSealer(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A fresh random key in base64, for setting up a deployment. */
    public static String newKeyBase64() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public SealedSecret seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new SealedSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out));
        } catch (GeneralSecurityException e) {
            // AES/GCM is mandatory in every JDK: this is a broken runtime, not bad input.
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public String unseal(SealedSecret sealed) {
        Objects.requireNonNull(sealed, "sealed secret");
        String text = sealed.ciphertext();
        if (!text.startsWith(PREFIX)) {
            throw new UnsealException("not a sealed secret of format " + VERSION);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new UnsealException("the sealed secret is not valid base64url");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnsealException("the sealed secret is too short to be one");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnsealException("the sealed secret was altered or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** A sealed secret that cannot be opened: altered, truncated, of another format or of another key. */
    public static final class UnsealException extends RuntimeException {
        public UnsealException(String message) {
            super(message);
        }
    }
}
