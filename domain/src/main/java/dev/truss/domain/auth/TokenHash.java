package dev.truss.domain.auth;

import dev.truss.domain.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 of a {@link SecretToken}, in lower-case hex: what storage keys magic links and sessions by. */
public record TokenHash(String hex) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        if (hex == null || !SHAPE.matcher(hex).matches()) {
            throw new InvalidValueException("not a SHA-256 token hash");
        }
    }

    static TokenHash of(SecretToken token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.US_ASCII));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
