package dev.truss.domain.creator;

import dev.truss.domain.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, normalised (trimmed, lower-cased) so that one person gets one account
 * however they type it. The check is deliberately plain: the magic link proves the rest.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254; // RFC 5321 path limit
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("an email address is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value)
                    + "' is not an email address (expected name@domain.tld)");
        }
    }

    /** The address with the local part hidden, for logs: a***@example.com. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return masked();
    }
}
