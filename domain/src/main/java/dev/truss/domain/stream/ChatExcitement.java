package dev.truss.domain.stream;

import java.util.regex.Pattern;

/**
 * How much one chat message counts towards the rate. A plain message counts 1. Each sign of
 * excitement adds half a message, up to the cap in the settings:
 * <ol>
 *   <li>a stretched letter, three or more in a row ("noooo", "LETSGOOO");</li>
 *   <li>two or more '!' in a row, or "?!";</li>
 *   <li>shouting: at least four letters, all capitals;</li>
 *   <li>a hype word or emote: clip, pog…, kekw, lul, omegalul, lmao, lol, omg, wtf, hype, "let's go".</li>
 * </ol>
 * Deliberately crude: it only tilts the rate towards moments the chat is excited about; the
 * significance test still counts plain messages, so weighting can never turn noise into a spike.
 */
public final class ChatExcitement {

    private static final double PER_SIGN = 0.5;
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXCLAIMED = Pattern.compile("!!|\\?!");
    private static final Pattern HYPE = Pattern.compile(
            "\\b(clip\\w*|pog\\w*|kekw|lul|omegalul|lmao|lol|omg|wtf|hype|let'?s ?go+)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ChatExcitement() {
    }

    /** The weight of a message with this text, between 1 and {@code cap}. */
    public static double weightOf(String text, double cap) {
        int signs = 0;
        if (STRETCHED.matcher(text).find()) {
            signs++;
        }
        if (EXCLAIMED.matcher(text).find()) {
            signs++;
        }
        if (shouted(text)) {
            signs++;
        }
        if (HYPE.matcher(text).find()) {
            signs++;
        }
        return Math.min(cap, 1 + PER_SIGN * signs);
    }

    private static boolean shouted(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        return letters >= 4 && text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
