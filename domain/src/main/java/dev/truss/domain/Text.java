package dev.truss.domain;

/** Checks for the short texts people type (titles, captions, names). */
public final class Text {
    private Text() {
    }

    /** Trims and checks a required text: not blank, at most {@code max} characters. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field + " must not be empty");
        }
        return optional(field, value, max);
    }

    /** Trims an optional text (null becomes empty) and checks its length. */
    public static String optional(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new InvalidValueException(field + " must be at most " + max + " characters");
        }
        return trimmed;
    }
}
