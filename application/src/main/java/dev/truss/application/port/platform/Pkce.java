package dev.truss.application.port.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A PKCE pair (RFC 7636): the verifier stays with Truss, the S256 challenge goes to the
 * platform with the consent request, and only the holder of the verifier can trade the code.
 * Never printed.
 */
public record Pkce(String verifier) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Pkce {
        Objects.requireNonNull(verifier, "verifier");
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw new IllegalArgumentException("a PKCE verifier is 43 to 128 unreserved characters (RFC 7636 §4.1)");
        }
    }

    /** A fresh verifier of 256 random bits (43 characters). */
    public static Pkce generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new Pkce(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** {@code BASE64URL(SHA-256(verifier))}, the {@code S256} code challenge. */
    public String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[***]";
    }
}
