package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The font burned-in captions are drawn with. The bundled FFmpeg has no libass and no fontconfig,
 * so captions go through {@code drawtext}, which needs a font file: the one configured
 * ({@link RenderSettings#captionFont()} or {@value #VARIABLE}), else DejaVu Sans Bold or a
 * similar sans at the usual Linux places, else what {@code fc-match} names. Java's font code,
 * where it loads the file, tells which characters the font lacks (they are dropped rather than
 * drawn as boxes) and how wide a line is (for wrapping); without it widths are estimated.
 */
final class RenderFont {

    static final String VARIABLE = "TRUSS_CAPTION_FONT";

    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", // Debian, Ubuntu (fonts-dejavu-core)
            "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf", // Fedora
            "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf", // Arch
            "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf", // Alpine, older Fedora
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
            "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf",
            "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
            "/usr/share/fonts/noto/NotoSans-Bold.ttf");

    /** Java's view of each font file, loaded once: it only reads the file, and a Font is immutable. */
    private static final ConcurrentMap<Path, Optional<Font>> GLYPHS = new ConcurrentHashMap<>();
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    /** An estimate of a bold sans's average advance, in em, where Java cannot measure. */
    private static final double AVERAGE_ADVANCE = 0.62;

    private final Path file;

    private RenderFont(Path file) {
        this.file = file;
    }

    /**
     * The configured font, or one found on the machine, or empty when there is none. A configured
     * font that is not a readable file is refused, so a mistake in the settings is seen at once.
     */
    static Optional<RenderFont> locate(Optional<Path> configured) {
        Optional<Path> named = configured.or(() -> Optional.ofNullable(System.getenv(VARIABLE))
                .filter(value -> !value.isBlank()).map(Path::of));
        if (named.isPresent()) {
            if (!Files.isRegularFile(named.get()) || !Files.isReadable(named.get())) {
                throw new MediaException("the caption font " + named.get() + " is not a readable file (set "
                        + VARIABLE + " or the render settings' caption font to a .ttf or .otf file)");
            }
            return Optional.of(new RenderFont(named.get().toAbsolutePath()));
        }
        for (String candidate : CANDIDATES) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return Optional.of(new RenderFont(path));
            }
        }
        return fontconfig().map(RenderFont::new);
    }

    Path file() {
        return file;
    }

    /** Whether the font has a glyph for {@code codePoint}; true when Java cannot tell. */
    boolean canDisplay(int codePoint) {
        return glyphs().map(font -> font.canDisplay(codePoint)).orElse(true);
    }

    /** The width of {@code text} at {@code size} pixels. */
    double width(String text, double size) {
        Optional<Font> glyphs = glyphs();
        if (glyphs.isPresent()) {
            try {
                return glyphs.get().deriveFont((float) size).getStringBounds(text, CONTEXT).getWidth();
            } catch (RuntimeException e) {
                // fall back to the estimate
            }
        }
        return text.codePointCount(0, text.length()) * size * AVERAGE_ADVANCE;
    }

    private Optional<Font> glyphs() {
        return GLYPHS.computeIfAbsent(file, RenderFont::load);
    }

    private static Optional<Font> load(Path file) {
        try {
            return Optional.of(Font.createFont(Font.TRUETYPE_FONT, file.toFile()));
        } catch (Exception | LinkageError | java.awt.AWTError e) {
            // No font support in this JVM (or a format it does not read): FFmpeg still draws with the file.
            return Optional.empty();
        }
    }

    /** Asks fontconfig for a bold sans, when it is installed; only TrueType and OpenType files are taken. */
    private static Optional<Path> fontconfig() {
        try {
            Process process = new ProcessBuilder("fc-match", "-f", "%{file}", "sans:bold").redirectErrorStream(true)
                    .start();
            String answer;
            try (InputStream output = process.getInputStream()) {
                answer = new String(output.readNBytes(4_096), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String lower = answer.toLowerCase(java.util.Locale.ROOT);
            Path path = Path.of(answer);
            if ((lower.endsWith(".ttf") || lower.endsWith(".otf")) && Files.isRegularFile(path)) {
                return Optional.of(path);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
