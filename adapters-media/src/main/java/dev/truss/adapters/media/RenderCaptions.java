package dev.truss.adapters.media;

import dev.truss.application.port.media.ClipRenderer.CaptionCue;
import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Caption cues made ready to burn in with {@code drawtext}: moved onto the clip's timeline (cues
 * outside the clip dropped, cues reaching past it clamped), cleaned (control characters and
 * characters the font lacks removed), wrapped to the frame's width, and each written to a text
 * file that {@code drawtext} reads as is ({@code expansion=none}: no escaping of the words).
 */
final class RenderCaptions {

    /** Text height as a share of the frame's height: 81 px at 1920. */
    static final double FONT_SHARE = 0.042;
    /** Widest line as a share of the frame's width. */
    static final double LINE_SHARE = 0.86;
    static final int MAX_LINES = 3;
    /** Where a caption's middle sits, from the top: above the controls that platforms lay over the bottom. */
    static final double MIDDLE_SHARE = 0.70;

    /** A cue on the clip's timeline (seconds from its start), wrapped into lines at {@code fontSize} pixels. */
    record Cue(double startSeconds, double endSeconds, List<String> lines, int fontSize) {
        Cue {
            lines = List.copyOf(lines);
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    /** What will be drawn, and how many characters were left out because the font has no glyph for them. */
    record Prepared(List<Cue> cues, int droppedCharacters) {
        Prepared {
            cues = List.copyOf(cues);
        }
    }

    private RenderCaptions() {
    }

    /** The cues of {@code range}, on its timeline, cleaned and wrapped for a {@code width × height} frame. */
    static Prepared prepare(List<CaptionCue> cues, TimeRange range, int width, int height, RenderFont font) {
        List<Cue> prepared = new ArrayList<>();
        int dropped = 0;
        for (CaptionCue cue : cues) {
            long start = Math.max(cue.range().startMs(), range.startMs()) - range.startMs();
            long end = Math.min(cue.range().endMs(), range.endMs()) - range.startMs();
            if (end <= start) {
                continue;
            }
            StringBuilder kept = new StringBuilder();
            dropped += clean(cue.text(), font, kept);
            String text = kept.toString().strip();
            if (text.isEmpty()) {
                continue;
            }
            int size = (int) Math.round(height * FONT_SHARE);
            double maxWidth = width * LINE_SHARE;
            List<String> lines = wrap(text, maxWidth, line -> font.width(line, Math.round(height * FONT_SHARE)));
            for (int shrink = 0; lines.size() > MAX_LINES && shrink < 2; shrink++) {
                size = (int) Math.round(size * 0.8);
                int current = size;
                lines = wrap(text, maxWidth, line -> font.width(line, current));
            }
            if (lines.size() > MAX_LINES) {
                lines = new ArrayList<>(lines.subList(0, MAX_LINES));
                lines.set(MAX_LINES - 1, lines.get(MAX_LINES - 1) + "…");
            }
            prepared.add(new Cue(start / 1000.0, end / 1000.0, lines, size));
        }
        return new Prepared(prepared, dropped);
    }

    /**
     * Appends {@code text} to {@code kept} with line breaks kept, other control characters and runs
     * of spaces made single spaces, and characters the font cannot draw left out; returns how many
     * were left out.
     */
    static int clean(String text, RenderFont font, StringBuilder kept) {
        int dropped = 0;
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int offset = 0; offset < normalised.length(); ) {
            int codePoint = normalised.codePointAt(offset);
            offset += Character.charCount(codePoint);
            if (codePoint == '\n') {
                trimTrailingSpace(kept);
                kept.append('\n');
            } else if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)
                    || Character.getType(codePoint) == Character.FORMAT) {
                if (kept.length() > 0 && kept.charAt(kept.length() - 1) != ' ' && kept.charAt(kept.length() - 1) != '\n') {
                    kept.append(' ');
                }
            } else if (font.canDisplay(codePoint)) {
                kept.appendCodePoint(codePoint);
            } else {
                dropped++;
            }
        }
        trimTrailingSpace(kept);
        return dropped;
    }

    private static void trimTrailingSpace(StringBuilder text) {
        while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
    }

    /** Greedy word wrap; the author's own line breaks are kept, and a word wider than a line is cut. */
    static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width.applyAsDouble(candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width.applyAsDouble(rest) > maxWidth && rest.codePointCount(0, rest.length()) > 1) {
                    int cut = rest.length();
                    while (cut > 1 && width.applyAsDouble(rest.substring(0, cut)) > maxWidth) {
                        cut = rest.offsetByCodePoints(cut, -1);
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /**
     * Writes each cue's text into {@code directory} and returns one {@code drawtext} filter per cue,
     * enabled during the cue: white bold text with a black outline, centred, its middle at
     * {@link #MIDDLE_SHARE} of the height.
     */
    static List<String> filters(Prepared prepared, RenderFont font, Path directory) throws IOException {
        List<String> filters = new ArrayList<>();
        int index = 0;
        for (Cue cue : prepared.cues()) {
            Path file = directory.resolve("caption-" + index++ + ".txt");
            Files.writeString(file, cue.text(), StandardCharsets.UTF_8);
            int outline = Math.max(2, Math.round(cue.fontSize() / 14f));
            filters.add("drawtext=fontfile=" + RenderPlan.escape(font.file().toString())
                    + ":textfile=" + RenderPlan.escape(file.toString())
                    + ":expansion=none:fontsize=" + cue.fontSize()
                    + ":fontcolor=white:borderw=" + outline + ":bordercolor=black"
                    + ":line_spacing=" + Math.round(cue.fontSize() * 0.15f)
                    + ":text_align=center:fix_bounds=1"
                    + ":x=(w-text_w)/2:y=h*" + String.format(Locale.ROOT, "%.2f", MIDDLE_SHARE) + "-text_h/2"
                    + String.format(Locale.ROOT, ":enable='gte(t,%.3f)*lt(t,%.3f)'", cue.startSeconds(),
                    cue.endSeconds()));
        }
        return filters;
    }
}
