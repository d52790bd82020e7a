package dev.truss.adapters.sqlite;

import java.util.Optional;

/**
 * The order of strings by their UTF-8 bytes: how DynamoDB and SQLite's {@code BINARY} collation
 * compare keys. It is code point order, which differs from {@link String#compareTo} (UTF-16
 * units) for characters above U+FFFF. Keys are assumed to be valid Unicode (no lone surrogates).
 */
final class Utf8Order {

    private Utf8Order() {
    }

    static int compare(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(i);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * The least string greater than every string that starts with {@code prefix}, so that
     * "starts with" is the index range {@code [prefix, end)}; empty when no such string exists
     * (the prefix is all U+10FFFF, and every string from it on starts with it).
     */
    static Optional<String> endOfPrefix(String prefix) {
        int end = prefix.length();
        while (end > 0) {
            int last = prefix.codePointBefore(end);
            int start = end - Character.charCount(last);
            if (last < Character.MAX_CODE_POINT) {
                int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
                return Optional.of(prefix.substring(0, start) + Character.toString(next));
            }
            end = start;
        }
        return Optional.empty();
    }
}
