package dev.truss.domain.id;

import java.time.Instant;
import java.util.Objects;

/**
 * A 26-character, URL-safe identifier whose text sorts by creation time: 48 bits of
 * milliseconds since the epoch followed by 80 bits of randomness, in Crockford base32
 * (the ULID layout). Sorting ids as strings sorts them by creation, which is what lets
 * a single-table store list "newest first" without an index.
 */
public record Ulid(String value) implements Comparable<Ulid> {

    public static final int LENGTH = 26;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final long MAX_TIMESTAMP = (1L << 48) - 1;

    public Ulid {
        Objects.requireNonNull(value, "id");
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidIdException("not a valid id: '" + abbreviate(value) + "' (" + problem + ")");
        }
    }

    /** Parses user input, accepting lower case as Crockford base32 does. */
    public static Ulid parse(String text) {
        Objects.requireNonNull(text, "id");
        return new Ulid(text.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** Builds an id from its parts: a millisecond timestamp and 80 random bits (16 high, 64 low). */
    public static Ulid of(long epochMillis, int randomHigh16, long randomLow64) {
        if (epochMillis < 0 || epochMillis > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp out of range: " + epochMillis);
        }
        char[] out = new char[LENGTH];
        for (int i = 0; i < 10; i++) {
            out[i] = ALPHABET.charAt((int) (epochMillis >>> ((9 - i) * 5)) & 31);
        }
        long high = randomHigh16 & 0xFFFFL;
        for (int i = 0; i < 16; i++) {
            int shift = (15 - i) * 5; // bit offset of this character inside the 80 random bits
            long bits = shift >= 64 ? high >>> (shift - 64)
                    : shift > 59 ? (randomLow64 >>> shift) | (high << (64 - shift))
                    : randomLow64 >>> shift;
            out[10 + i] = ALPHABET.charAt((int) (bits & 31));
        }
        return new Ulid(new String(out));
    }

    /**
     * An id for a given moment whose random part is drawn from {@code seed}: the same seed
     * gives the same id. Retried work (an analysis making its clips again) thus writes the
     * same keys instead of duplicates, and the ids still sort by time.
     */
    public static Ulid derived(long epochMillis, String seed) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(digest);
            return of(epochMillis, bytes.getShort() & 0xFFFF, bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The moment the id was made, to the millisecond. */
    public Instant timestamp() {
        long time = 0;
        for (int i = 0; i < 10; i++) {
            time = (time << 5) | ALPHABET.indexOf(value.charAt(i));
        }
        return Instant.ofEpochMilli(time);
    }

    @Override
    public int compareTo(Ulid other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problemWith(String value) {
        if (value.length() != LENGTH) {
            return "expected " + LENGTH + " characters, got " + value.length();
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "character " + (i + 1) + " is not one of " + ALPHABET;
            }
        }
        if (ALPHABET.indexOf(value.charAt(0)) > 7) {
            return "timestamp overflows 48 bits";
        }
        return null;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
