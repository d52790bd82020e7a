package dev.truss.adapters.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads what FFmpeg's {@code metadata=mode=print:file=…} and {@code ametadata=mode=print:file=…}
 * filters wrote: for each frame that carried metadata, a line
 * {@code frame:12   pts:6144    pts_time:0.48} followed by its {@code key=value} lines. Read line
 * by line, so a three-hour video's file (tens of megabytes) is never held in memory whole.
 */
final class MetadataPrintFile {

    /** One frame's metadata, at {@code ptsSeconds} on the output timeline. */
    record Frame(double ptsSeconds, Map<String, String> values) {

        double number(String key) {
            String value = values.get(key);
            if (value == null) {
                return Double.NaN;
            }
            if (value.equals("-inf")) {
                return Double.NEGATIVE_INFINITY;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    private MetadataPrintFile() {
    }

    /**
     * Hands each frame of {@code file} to {@code frames}, in file order; frames without a time
     * ({@code pts_time:NOPTS}) are skipped. A file that was never written reads as no frames.
     */
    static void read(Path file, Consumer<Frame> frames) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            double pts = Double.NaN;
            Map<String, String> values = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("frame:")) {
                    emit(pts, values, frames);
                    pts = ptsTime(line);
                    values = new HashMap<>();
                } else if (values != null) {
                    int equals = line.indexOf('=');
                    if (equals > 0) {
                        values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                    }
                }
            }
            emit(pts, values, frames);
        } catch (NoSuchFileException e) {
            // the filter saw no frame before the run ended
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void emit(double pts, Map<String, String> values, Consumer<Frame> frames) {
        if (values != null && Double.isFinite(pts)) {
            frames.accept(new Frame(pts, Map.copyOf(values)));
        }
    }

    private static double ptsTime(String header) {
        int at = header.indexOf("pts_time:");
        if (at < 0) {
            return Double.NaN;
        }
        String value = header.substring(at + "pts_time:".length()).trim().split("\\s+")[0];
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN; // NOPTS
        }
    }
}
