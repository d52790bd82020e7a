package dev.truss.adapters.gemini;

import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt sent with each part: a versioned resource, {@code prompts/<version>.txt} next to this
 * class, UTF-8, with placeholders filled per part. A version is never edited once released: a
 * changed prompt is a new file, so every answer can be traced to the exact words that asked for it.
 *
 * <p>Placeholders: {@code {{part}}} ("the video", or "part 2 of 3 of a longer video (from 44:00 to
 * 1:29:00 of it)"), {@code {{duration}}} ("12:34 (754.3 seconds)"), {@code {{seconds}}} ("754.3"),
 * and {@code {{version}}}. A resource naming any other placeholder, or lacking {@code {{seconds}}}
 * (the model must know where the file ends), is refused when loaded.
 */
final class MomentsPrompt {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");
    private static final Set<String> KNOWN = Set.of("part", "duration", "seconds", "version");

    private final String version;
    private final String template;

    private MomentsPrompt(String version, String template) {
        this.version = version;
        this.template = template;
    }

    static String resourceName(String version) {
        return "prompts/" + version + ".txt";
    }

    /** Loads {@code prompts/<version>.txt}; an unknown version or a broken template is an {@link IllegalArgumentException}. */
    static MomentsPrompt load(String version) {
        String name = resourceName(version);
        try (InputStream in = MomentsPrompt.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no Gemini prompt version '" + version + "': the resource "
                        + MomentsPrompt.class.getPackageName().replace('.', '/') + "/" + name + " does not exist");
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            Set<String> unknown = new TreeSet<>();
            Matcher placeholders = PLACEHOLDER.matcher(template);
            while (placeholders.find()) {
                if (!KNOWN.contains(placeholders.group(1))) {
                    unknown.add(placeholders.group(0));
                }
            }
            if (!unknown.isEmpty() || !template.contains("{{seconds}}")) {
                throw new IllegalArgumentException("Gemini prompt " + name + " must use {{seconds}} and only "
                        + KNOWN.stream().sorted().map(key -> "{{" + key + "}}").toList() + "; it uses " + unknown);
            }
            return new MomentsPrompt(version, template);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Gemini prompt " + name, e);
        }
    }

    String version() {
        return version;
    }

    /** The prompt for one part of a video lasting {@code videoDurationMs}. */
    String forPart(PartPlan.Planned part, long videoDurationMs) {
        TimeRange range = part.range();
        String which = part.count() == 1 ? "the video"
                : "part " + (part.index() + 1) + " of " + part.count() + " of a longer video (from "
                + clock(range.startMs()) + " to " + clock(range.endMs()) + " of " + clock(videoDurationMs) + ")";
        String seconds = String.format(Locale.ROOT, "%.1f", range.durationMs() / 1000.0);
        return template.replace("{{part}}", which)
                .replace("{{duration}}", clock(range.durationMs()) + " (" + seconds + " seconds)")
                .replace("{{seconds}}", seconds)
                .replace("{{version}}", version);
    }

    /** {@code 12:34} or {@code 1:02:05}. */
    static String clock(long ms) {
        long seconds = ms / 1000;
        long hours = seconds / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
