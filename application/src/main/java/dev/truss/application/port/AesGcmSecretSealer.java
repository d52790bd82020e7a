package dev.truss.application.port;

import dev.truss.domain.platform.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM under a key ring: the current key seals, and it or any retired
 * key opens, so keys can be rotated without losing what is stored. The output is
 * {@code "v2:" + keyId + ":" + base64url(nonce || ciphertext || tag)} with a fresh random 96-bit
 * nonce per seal; the prefix is authenticated too (as associated data), so neither the format nor
 * the key id can be swapped. A key's id is derived from the key ({@link #keyId}): configuration
 * names keys only by their material. Values of the first format, {@code "v1:" + base64url(...)}
 * without a key id, still open with whichever key of the ring sealed them.
 * Thread-safe: a {@link Cipher} is made per call because ciphers are not.
 */
public final class AesGcmSecretSealer implements SecretSealer {

    private static final String LEGACY = "v1";
    private static final String VERSION = "v2";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKeySpec> ring = new LinkedHashMap<>(); // current first
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes of key material; copied, so the caller may wipe its array */
    public AesGcmSecretSealer(byte[] key) {
        this(key, List.of());
    }

    /**
     * @param current the key that seals from now on
     * @param retired keys that sealed before a rotation: they still open, never seal
     */
    public AesGcmSecretSealer(byte[] current, List<byte[]> retired) {
        this.currentId = add(current);
        retired.forEach(this::add);
    }

    /** A sealer from keys written in base64 (standard or URL-safe), as they come from configuration. */
    public static AesGcmSecretSealer fromBase64(String currentKey, List<String> retiredKeys) {
        byte[] current = decode(currentKey);
        List<byte[]> retired = new ArrayList<>();
        try {
            retiredKeys.forEach(key -> retired.add(decode(key)));
            return new AesGcmSecretSealer(current, retired);
        } finally {
            Arrays.fill(current, (byte) 0);
            retired.forEach(key -> Arrays.fill(key, (byte) 0));
        }
    }

    public static AesGcmSecretSealer fromBase64(String base64Key) {
        return fromBase64(base64Key, List.of());
    }

    /** A fresh random key in base64, for setting up a deployment. */
    public static String newKeyBase64() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The id a key is known by in sealed values: 8 hex digits of a SHA-256 over a fixed label and the
     * key. It tells keys apart and reveals nothing useful about them (32 bits of a hash of 256 random bits).
     */
    public static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("truss sealing key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The id of the key that seals now. */
    public String currentKeyId() {
        return currentId;
    }

    @Override
    public SealedSecret seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String prefix = VERSION + ":" + currentId;
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ring.get(currentId), prefix, nonce);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new SealedSecret(prefix + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out));
        } catch (GeneralSecurityException e) {
            // AES/GCM is mandatory in every JDK: this is a broken runtime, not bad input.
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public String unseal(SealedSecret sealed) {
        Objects.requireNonNull(sealed, "sealed secret");
        String[] fields = sealed.ciphertext().split(":", -1);
        if (fields.length == 3 && fields[0].equals(VERSION)) {
            SecretKeySpec key = ring.get(fields[1]);
            if (key == null) {
                throw new UnsealException("the secret was sealed with key " + fields[1]
                        + ", which this server does not have; add it to the retired sealing keys");
            }
            return open(key, VERSION + ":" + fields[1], payload(fields[2]));
        }
        if (fields.length == 2 && fields[0].equals(LEGACY)) {
            byte[] payload = payload(fields[1]);
            for (SecretKeySpec key : ring.values()) {
                try {
                    return open(key, LEGACY, payload);
                } catch (UnsealException notThisKey) {
                    // v1 names no key: try the next one
                }
            }
            throw new UnsealException("the sealed secret was altered or sealed with another key");
        }
        throw new UnsealException("not a sealed secret of format " + VERSION + " (or " + LEGACY + ")");
    }

    private String add(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key is " + KEY_BYTES + " bytes, got " + key.length);
        }
        String id = keyId(key);
        ring.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
        return id;
    }

    private static byte[] payload(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UnsealException("the sealed secret is not valid base64url");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnsealException("the sealed secret is too short to be one");
        }
        return bytes;
    }

    private static String open(SecretKeySpec key, String prefix, byte[] bytes) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, prefix, Arrays.copyOf(bytes, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnsealException("the sealed secret was altered or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, String prefix, byte[] nonce)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static byte[] decode(String base64Key) {
        Objects.requireNonNull(base64Key, "key");
        String text = base64Key.strip();
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // The message of the decoder quotes the input: never echo key material.
            throw new IllegalArgumentException("the secret-sealing key is not valid base64");
        }
    }

    /** A sealed secret that cannot be opened: altered, truncated, of another format or of an unknown key. */
    public static final class UnsealException extends RuntimeException {
        public UnsealException(String message) {
            super(message);
        }
    }
}
