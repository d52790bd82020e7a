package dev.truss.adapters.platforms.youtube;

import dev.truss.application.port.platform.Publisher;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The words YouTube gets for a clip, fitted to its rules so an upload never fails on them: a title
 * of at most 100 characters, a description of at most 5,000 bytes, neither with {@code <} or
 * {@code >} (YouTube rejects both; they become {@code ‹ ›}).
 *
 * <p>A Short is a square or vertical video of up to three minutes; every Truss render is 9:16, so
 * the length decides. YouTube classifies Shorts by the video itself, not by a hashtag (the
 * {@code #Shorts} hashtag was a hint in 2021, when Shorts were at most 60 s), so it is not needed.
 * As a hashtag it is harmless and makes the video findable under it, so a Short's description
 * gets it (the title's 100 characters stay the creator's) unless the title or description has it.
 */
record YouTubeMetadata(String title, String description, boolean isShort) {

    static final int MAX_TITLE_CHARS = 100;
    static final int MAX_DESCRIPTION_BYTES = 5000;
    static final long MAX_SHORT_MS = 180_000;
    static final String SHORTS_TAG = "#Shorts";

    private static final Pattern TAGGED = Pattern.compile("(?i)(^|[^\\w#])#shorts(?!\\w)");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cc}]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final String ELLIPSIS = "…";

    static YouTubeMetadata of(Publisher.Request request) {
        return of(request.title(), request.description(), request.clip().title(),
                request.clip().range().durationMs());
    }

    /** {@code fallbackTitle} is used when {@code title} is blank once cleaned. */
    static YouTubeMetadata of(String title, String description, String fallbackTitle, long durationMs) {
        boolean isShort = durationMs <= MAX_SHORT_MS;
        String cleanTitle = title(title);
        if (cleanTitle.isEmpty()) {
            cleanTitle = title(fallbackTitle);
        }
        if (cleanTitle.isEmpty()) {
            cleanTitle = "Clip"; // YouTube refuses an empty title
        }
        String text = description == null ? ""
                : CONTROL.matcher(noAngles(description).replace("\r\n", "\n")).replaceAll("").strip();
        String fitted = fitBytes(text, MAX_DESCRIPTION_BYTES);
        if (isShort && !TAGGED.matcher(cleanTitle).find() && !TAGGED.matcher(fitted).find()) {
            String suffix = text.isEmpty() ? SHORTS_TAG : "\n\n" + SHORTS_TAG;
            fitted = fitBytes(text, MAX_DESCRIPTION_BYTES - utf8(suffix)) + suffix;
        }
        return new YouTubeMetadata(cleanTitle, fitted, isShort);
    }

    private static String title(String raw) {
        if (raw == null) {
            return "";
        }
        String one = WHITESPACE.matcher(noAngles(raw)).replaceAll(" ").strip();
        if (one.codePointCount(0, one.length()) <= MAX_TITLE_CHARS) {
            return one;
        }
        return one.substring(0, one.offsetByCodePoints(0, MAX_TITLE_CHARS - 1)).stripTrailing() + ELLIPSIS;
    }

    private static String noAngles(String text) {
        return text.replace('<', '‹').replace('>', '›');
    }

    /** The text cut at a character boundary so it fits {@code maxBytes} of UTF-8, marked when cut. */
    private static String fitBytes(String text, int maxBytes) {
        if (utf8(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - utf8(ELLIPSIS);
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            int bytes = utf8(text.substring(end, next));
            if (used + bytes > budget) {
                break;
            }
            used += bytes;
            end = next;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
