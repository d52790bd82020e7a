package dev.truss.domain.auth;

import dev.truss.domain.InvalidValueException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A 256-bit random secret given to one person (in a magic link, or as a session cookie).
 * Only its {@link TokenHash} is ever stored, so a leaked table logs nobody in. Never printed.
 */
public record SecretToken(String value) {

    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    public SecretToken {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("not a valid token (expected 43 URL-safe characters)");
        }
    }

    public static SecretToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public TokenHash hash() {
        return TokenHash.of(this);
    }

    @Override
    public String toString() {
        return "SecretToken[***]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretToken that && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                that.value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }
}
