package dev.truss.application.fake;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.VideoParts;
import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Cuts {@linkplain InMemoryMedia fake videos} into fake parts: small files in the fake video
 * format, so a {@link FakeMediaProbe} reads them as playable videos of the range's length,
 * with sound when the source has sound. Each file, {@code part-<n>-<start>-<end>-<call>.mp4}
 * in the directory, holds
 * <pre>
 * FAKEVIDEO v1
 * # part of memory://media/source.mp4
 * # range_ms=6000-9000
 * duration_ms=3000
 * width=640
 * height=360
 * fps=2
 * audio=true
 * …
 * </pre>
 * The size is the picture as displayed with its short side brought down to 360 (never
 * enlarged), as the FFmpeg adapter's proxy; rotation is applied, so it is 0. The source's
 * planted events (loud, motion, cuts, silences) are not carried over. {@link #range(Path)} and
 * {@link #source(Path)} read the comment lines back.
 *
 * <p>Throws {@link MediaException} when the source cannot be read or is no playable fake
 * video, when a range starts or ends after the video (before any file is written), or when
 * {@link #failNext} asked it to: then it fails after writing the first part, which it removes
 * with the rest. Progress goes from 0 to 100. Thread-safe.
 */
public final class FakeVideoParts implements VideoParts {

    /** The short side of a part's picture. */
    public static final int SHORT_SIDE = 360;
    /** A part's frame rate. */
    public static final int FRAMES_PER_SECOND = 2;

    private static final String SOURCE = "# part of ";
    private static final String RANGE = "# range_ms=";

    /** One successful call: the source, the ranges asked for and the directory the parts went to. */
    public record Cut(URI source, List<TimeRange> ranges, Path directory) {
        public Cut {
            ranges = List.copyOf(ranges);
        }
    }

    private final Function<URI, byte[]> reader;
    private final FailureInjection failures = new FailureInjection();
    private final List<Cut> cuts = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    /** Reads files with {@code reader}: an {@link InMemoryMedia}, or {@code storage::fetch} of an {@link InMemoryObjectStorage}. */
    public FakeVideoParts(Function<URI, byte[]> reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The next {@code count} cuts fail after writing their first part, which they remove. */
    public void failNext(int count) {
        failures.failNext(count);
    }

    /** Every call to {@link #cut}, failed ones included. */
    public int attempts() {
        return failures.attempts();
    }

    /** The cuts that succeeded, oldest first. */
    public synchronized List<Cut> cuts() {
        return List.copyOf(cuts);
    }

    /** The directory of every call, failed ones included, oldest first: where a caller should have cleaned up. */
    public synchronized List<Path> directories() {
        return List.copyOf(directories);
    }

    /** The lines of a part's file that name its source and range (as a test finds them in uploaded bytes). */
    public static String label(URI source, TimeRange range) {
        return SOURCE + source + "\n" + RANGE + range.startMs() + "-" + range.endMs() + "\n";
    }

    @Override
    public List<Part> cut(URI source, List<TimeRange> ranges, Path directory, IntConsumer percentDone) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(percentDone, "percent done");
        List<TimeRange> wanted = List.copyOf(ranges);
        synchronized (this) {
            directories.add(directory);
        }
        boolean fail = failures.nextCallFails();
        percentDone.accept(0);
        InMemoryMedia.FakeVideo video = InMemoryMedia.decode(InMemoryMedia.read(reader, source));
        if (!video.hasVideo()) {
            throw new MediaException("the source has no video stream");
        }
        for (TimeRange range : wanted) {
            if (range.endMs() > video.durationMs()) {
                throw new MediaException("the part " + range + " does not lie inside the video, which lasts "
                        + video.durationMs() + " ms");
            }
        }
        int[] size = proxySize(video.properties().displayWidth(), video.properties().displayHeight());
        String call = UUID.randomUUID().toString().substring(0, 8);
        List<Part> parts = new ArrayList<>();
        boolean complete = false;
        try {
            Files.createDirectories(directory);
            for (int index = 0; index < wanted.size(); index++) {
                TimeRange range = wanted.get(index);
                Path file = directory.resolve("part-" + (index + 1) + "-" + range.startMs() + "-" + range.endMs() + "-"
                        + call + ".mp4");
                Files.writeString(file, text(source, range, size, video.hasAudio()), StandardCharsets.UTF_8);
                parts.add(new Part(range, file));
                if (fail) {
                    throw new MediaException("ffmpeg exited with 1: encoding failed (injected by the test)");
                }
                percentDone.accept((index + 1) * 100 / wanted.size());
            }
            complete = true;
        } catch (IOException e) {
            throw new MediaException("could not write the parts into " + directory + ": " + e, e);
        } finally {
            if (!complete) {
                parts.forEach(part -> deleteQuietly(part.file()));
            }
        }
        percentDone.accept(100);
        synchronized (this) {
            cuts.add(new Cut(source, wanted, directory));
        }
        return List.copyOf(parts);
    }

    /** The range of the source a fake part holds. */
    public static TimeRange range(Path part) {
        String range = comment(part, RANGE);
        int dash = range.indexOf('-');
        return new TimeRange(Long.parseLong(range.substring(0, dash)), Long.parseLong(range.substring(dash + 1)));
    }

    /** The source a fake part was cut from. */
    public static URI source(Path part) {
        return URI.create(comment(part, SOURCE));
    }

    /** Width and height of the proxy of a picture displayed {@code width}×{@code height}. */
    static int[] proxySize(int width, int height) {
        int shortSide = Math.min(width, height);
        if (shortSide <= SHORT_SIDE) {
            return new int[] {even(width), even(height)};
        }
        double scale = SHORT_SIDE / (double) shortSide;
        return new int[] {even(width * scale), even(height * scale)};
    }

    private static String text(URI source, TimeRange range, int[] size, boolean audio) {
        InMemoryMedia.Builder part = InMemoryMedia.video(range.durationMs()).size(size[0], size[1])
                .fps(FRAMES_PER_SECOND);
        if (!audio) {
            part.withoutAudio();
        }
        String text = part.text();
        int firstLine = text.indexOf('\n') + 1;
        return text.substring(0, firstLine) + label(source, range) + text.substring(firstLine);
    }

    private static String comment(Path part, String prefix) {
        try {
            return Files.readAllLines(part, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(part + " is not a fake part"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int even(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the caller sees the cut's own failure
        }
    }
}
