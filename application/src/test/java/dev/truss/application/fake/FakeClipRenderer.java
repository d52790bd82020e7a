package dev.truss.application.fake;

import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.media.MediaException;
import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Renders {@linkplain InMemoryMedia fake videos} into small text files, so tests can read what
 * was asked for. Into the output directory it writes
 * {@code clip-<start>-<end>-<layout>-<quality>.mp4}, holding
 * <pre>
 * FAKECLIP v1
 * range_ms=12000-42000
 * duration_ms=30000
 * layout=CENTER_CROP
 * quality=FULL
 * size=1080x1920
 * fps=30
 * audio=true
 * framing=…
 * caption=12000-15000 Wait for it
 * </pre>
 * (one {@code caption} line per cue overlapping the range), and a thumbnail {@code ….jpg}
 * holding {@code FAKETHUMB v1}, the instant it shows (the range's middle) and the size;
 * {@link #properties(Path)} reads either back. Progress goes from 0 to 100.
 *
 * <p>Throws {@link MediaException} when the source cannot be read, is not a playable fake
 * video, the range ends after the file (or the request's video) does, or {@link #failNext}
 * asked it to; a failed render leaves no file in the output directory. Thread-safe.
 */
public final class FakeClipRenderer implements ClipRenderer {

    private final Function<URI, byte[]> reader;
    private final List<Request> requests = new ArrayList<>();
    private final FailureInjection failures = new FailureInjection();

    /** Reads files with {@code reader}: an {@link InMemoryMedia}, or {@code storage::fetch} of an {@link InMemoryObjectStorage}. */
    public FakeClipRenderer(Function<URI, byte[]> reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The next {@code count} renders fail halfway, after writing part of the clip, which they remove. */
    public void failNext(int count) {
        failures.failNext(count);
    }

    /** Every call to {@link #render}, failed ones included. */
    public int attempts() {
        return failures.attempts();
    }

    /** The requests of the renders that succeeded, oldest first. */
    public synchronized List<Request> rendered() {
        return List.copyOf(requests);
    }

    @Override
    public Rendered render(Request request, IntConsumer percentDone) {
        boolean fail = failures.nextCallFails();
        percentDone.accept(0);
        InMemoryMedia.FakeVideo file = InMemoryMedia.decode(InMemoryMedia.read(reader, request.source()));
        if (!file.hasVideo()) {
            throw new MediaException("the source has no video stream");
        }
        TimeRange range = request.range();
        long end = Math.min(file.durationMs(), request.video().durationMs());
        if (range.endMs() > end) {
            throw new MediaException("the range " + range + " ends after the video's " + end + " ms");
        }
        int width = request.quality() == Quality.FULL ? 1080 : 720;
        int height = request.quality() == Quality.FULL ? 1920 : 1280;
        String framing = framing(request, file);
        String name = "clip-" + range.startMs() + "-" + range.endMs() + "-"
                + request.layout().name().toLowerCase(Locale.ROOT) + "-"
                + request.quality().name().toLowerCase(Locale.ROOT);
        Path directory = request.outputDirectory();
        Path video = directory.resolve(name + ".mp4");
        Path thumbnail = directory.resolve(name + ".jpg");
        Path partVideo = directory.resolve(name + ".mp4.part");
        Path partThumbnail = directory.resolve(name + ".jpg.part");
        boolean videoMoved = false;
        try {
            StringBuilder clip = new StringBuilder("FAKECLIP v1\n")
                    .append("range_ms=").append(range.startMs()).append('-').append(range.endMs()).append('\n')
                    .append("duration_ms=").append(range.durationMs()).append('\n')
                    .append("layout=").append(request.layout()).append('\n')
                    .append("quality=").append(request.quality()).append('\n')
                    .append("size=").append(width).append('x').append(height).append('\n')
                    .append("fps=").append(fps(file.framesPerSecond())).append('\n')
                    .append("audio=").append(file.hasAudio()).append('\n')
                    .append("framing=").append(framing).append('\n');
            for (CaptionCue cue : request.captions()) {
                if (cue.range().overlaps(range)) {
                    clip.append("caption=").append(cue.range().startMs()).append('-').append(cue.range().endMs())
                            .append(' ').append(cue.text().replace('\n', ' ')).append('\n');
                }
            }
            Files.writeString(partVideo, clip, StandardCharsets.UTF_8);
            percentDone.accept(50);
            if (fail) {
                throw new MediaException("ffmpeg exited with 1: encoding failed (injected by the test)");
            }
            long thumbAt = range.startMs() + range.durationMs() / 2;
            Files.writeString(partThumbnail, "FAKETHUMB v1\nat_ms=" + thumbAt + "\nsize=" + width + "x" + height + "\n",
                    StandardCharsets.UTF_8);
            percentDone.accept(90);
            Files.move(partVideo, video, StandardCopyOption.REPLACE_EXISTING);
            videoMoved = true;
            Files.move(partThumbnail, thumbnail, StandardCopyOption.REPLACE_EXISTING);
            percentDone.accept(100);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partVideo, partThumbnail);
            if (videoMoved) {
                deleteQuietly(video);
            }
            throw e instanceof MediaException media ? media
                    : new MediaException("rendering " + range + " failed: " + e, e);
        }
        synchronized (this) {
            requests.add(request);
        }
        return new Rendered(video, thumbnail, framing);
    }

    /** The {@code key=value} lines of a rendered clip or thumbnail ({@code caption} keeps the last cue). */
    public static Map<String, String> properties(Path renderedFile) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(renderedFile, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String framing(Request request, InMemoryMedia.FakeVideo file) {
        int w = request.video().displayWidth();
        int h = request.video().displayHeight();
        int cropW = w * 16L > h * 9L ? even(h * 9 / 16) : w;
        int cropH = w * 16L > h * 9L ? h : even(w * 16 / 9);
        return switch (request.layout()) {
            case CENTER_CROP -> "center crop of " + cropW + "×" + cropH + " from " + w + "×" + h;
            case BLURRED_FIT -> "the whole " + w + "×" + h + " picture over a blurred copy of itself";
            case FOLLOW_ACTION -> cropW + "×" + cropH + " crop from " + w + "×" + h + " following the action"
                    + (file.motion().isEmpty() ? " (none found: centred)" : "");
        };
    }

    private static int even(int pixels) {
        return Math.max(2, pixels - pixels % 2);
    }

    private static String fps(double fps) {
        return fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps);
    }

    private static void deleteQuietly(Path... paths) {
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // best effort: the caller sees the render's own failure
            }
        }
    }
}
