package dev.truss.application.fake;

import dev.truss.application.port.media.MediaException;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tiny media library in memory, and the text format that the media fakes
 * ({@link FakeMediaProbe}, {@link FakeSignalExtractor}, {@link FakeClipRenderer}) read as
 * "video files". The fakes read a file's bytes through a {@code Function<URI, byte[]>} given
 * at construction: an instance of this class (files {@linkplain #add added} to it, or local
 * {@code file:} URIs), or {@link InMemoryObjectStorage#fetch} for its presigned {@code memory://}
 * download URLs, so a test can upload a fake video and have the real use cases probe,
 * analyse and render it. Thread-safe.
 *
 * <h2>The format</h2>
 * UTF-8 text; the first line is exactly {@value #MAGIC}, then one {@code key=value} a line.
 * Blank lines and lines starting with {@code #} are ignored; an unknown or repeated key, or a
 * value out of range, makes the file "damaged". {@link #video(long)} writes it:
 * <pre>
 * FAKEVIDEO v1
 * duration_ms=120000      required, &gt; 0
 * container=mov,mp4       default mov,mp4
 * codec=h264              default h264
 * width=1920              default 1920
 * height=1080             default 1080
 * rotation=0              default 0; a multiple of 90
 * fps=30                  default 30; may be fractional (29.97)
 * video=true              default true; false makes an audio-only file
 * audio=true              default true
 * loud=12..18,70..75      whole seconds, half-open: 12..18 is seconds 12 to 17
 * motion=40..50           whole seconds, half-open, like loud
 * cuts=10000,30000        scene cuts in ms, each in [0, duration)
 * silences=20000-21000    half-open ranges in ms inside the video
 * </pre>
 * What the fakes make of it: {@link FakeMediaProbe} answers {@code Playable} with the
 * properties above; {@link FakeSignalExtractor} turns the seconds and ranges into an
 * {@link dev.truss.domain.virality.EngagementTimeline} (its constants say which loudness and
 * motion each second gets). An empty file, bytes that do not start with {@value #MAGIC} and
 * damaged files are not videos.
 */
public final class InMemoryMedia implements Function<URI, byte[]> {

    /** The first line of every fake video. */
    public static final String MAGIC = "FAKEVIDEO v1";

    private final Map<URI, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicLong serial = new AtomicLong();

    /** Stores a file under a new URI {@code memory://media/file-N} and returns it. */
    public URI add(byte[] file) {
        return add("file-" + serial.incrementAndGet(), file);
    }

    /** Stores a file under {@code memory://media/<name>} (replacing what was there) and returns the URI. */
    public URI add(String name, byte[] file) {
        try {
            URI uri = new URI("memory", "media", "/" + name, null);
            put(uri, file);
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("name cannot be part of a URI: " + name, e);
        }
    }

    /** Stores a file under any URI, replacing what was there. */
    public void put(URI uri, byte[] file) {
        files.put(Objects.requireNonNull(uri, "uri"), file.clone());
    }

    /** Forgets a file, as if it was deleted: reading it then fails. */
    public void remove(URI uri) {
        files.remove(uri);
    }

    /**
     * The bytes stored under {@code uri}; a {@code file:} URI not stored here is read from disk.
     * Throws {@link MediaException} when there is nothing to read.
     */
    @Override
    public byte[] apply(URI uri) {
        byte[] file = files.get(uri);
        if (file != null) {
            return file.clone();
        }
        if ("file".equals(uri.getScheme())) {
            try {
                return Files.readAllBytes(Path.of(uri));
            } catch (IOException e) {
                throw new MediaException("cannot read " + uri + ": " + e, e);
            }
        }
        throw new MediaException("no media at " + uri);
    }

    /** A builder of a fake video of {@code durationMs}, 1920×1080 at 30 fps with audio, until told otherwise. */
    public static Builder video(long durationMs) {
        return new Builder(durationMs);
    }

    /** A fake file with sound but no video stream: not playable. */
    public static Builder audioOnly(long durationMs) {
        return new Builder(durationMs).withoutVideo();
    }

    /** {@code size} bytes of noise from {@code seed}: not a video. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Reads {@code source} with {@code reader}, turning the reader's failures (an expired URL,
     * a missing object) into {@link MediaException}s as a media tool reports them.
     */
    static byte[] read(Function<URI, byte[]> reader, URI source) {
        Objects.requireNonNull(source, "source");
        try {
            byte[] file = reader.apply(source);
            if (file == null) {
                throw new MediaException("nothing to read at " + source);
            }
            return file;
        } catch (MediaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MediaException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decodes a fake video, or throws {@link MediaException} whose message says, for the creator,
     * why the file is not one ("the file is empty", "the file is not a video Truss can read",
     * "the file is damaged: …").
     */
    public static FakeVideo decode(byte[] file) {
        if (file.length == 0) {
            throw new MediaException("the file is empty");
        }
        String text = new String(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().equals(MAGIC)) {
            throw new MediaException("the file is not a video Truss can read");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw damaged("line " + (i + 1) + " is not key=value: '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                throw damaged("unknown key '" + key + "' on line " + (i + 1));
            }
            if (values.put(key, line.substring(eq + 1).strip()) != null) {
                throw damaged("key '" + key + "' appears twice");
            }
        }
        return new Parser(values).parse();
    }

    private static final List<String> KEYS = List.of("duration_ms", "container", "codec", "width", "height",
            "rotation", "fps", "video", "audio", "loud", "motion", "cuts", "silences");

    private static MediaException damaged(String detail) {
        return new MediaException("the file is damaged: " + detail);
    }

    /**
     * A decoded fake video. Loud and moving spans are in ms on whole seconds ({@code loud=12..18}
     * is 12000–18000 ms); silences are sorted and merged; cuts are sorted.
     */
    public record FakeVideo(long durationMs, String container, String videoCodec, int width, int height,
                            int rotationDegrees, double framesPerSecond, boolean hasVideo, boolean hasAudio,
                            List<TimeRange> loud, List<TimeRange> motion, List<Long> cutsMs,
                            List<TimeRange> silences) {

        public FakeVideo {
            loud = List.copyOf(loud);
            motion = List.copyOf(motion);
            cutsMs = List.copyOf(cutsMs);
            silences = List.copyOf(silences);
        }

        /** What a probe says of it; only for a file with a video stream. */
        public VideoProperties properties() {
            if (!hasVideo) {
                throw new MediaException("the file has no video stream");
            }
            return new VideoProperties(durationMs, container, videoCodec, width, height, rotationDegrees,
                    framesPerSecond, hasAudio);
        }

        /** Started seconds: one per sample of a timeline. */
        public int seconds() {
            return (int) ((durationMs + 999) / 1000);
        }

        public boolean loudAt(int second) {
            return loud.stream().anyMatch(span -> span.contains(second * 1000L));
        }

        public boolean movingAt(int second) {
            return motion.stream().anyMatch(span -> span.contains(second * 1000L));
        }

        /** Whether the whole of second {@code second} (within the video) lies inside one silence. */
        public boolean silentAt(int second) {
            TimeRange span = new TimeRange(second * 1000L, Math.min((second + 1) * 1000L, durationMs));
            return silences.stream().anyMatch(silence -> silence.contains(span));
        }
    }

    /** Writes the format above; every key is written, so the text reads on its own. */
    public static final class Builder {
        private final long durationMs;
        private String container = "mov,mp4";
        private String codec = "h264";
        private int width = 1920;
        private int height = 1080;
        private int rotation;
        private double fps = 30;
        private boolean video = true;
        private boolean audio = true;
        private final List<String> loud = new ArrayList<>();
        private final List<String> motion = new ArrayList<>();
        private final List<Long> cuts = new ArrayList<>();
        private final List<String> silences = new ArrayList<>();

        private Builder(long durationMs) {
            this.durationMs = durationMs;
        }

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder rotation(int degrees) {
            this.rotation = degrees;
            return this;
        }

        public Builder fps(double fps) {
            this.fps = fps;
            return this;
        }

        public Builder container(String container) {
            this.container = container;
            return this;
        }

        public Builder codec(String codec) {
            this.codec = codec;
            return this;
        }

        public Builder withoutAudio() {
            this.audio = false;
            return this;
        }

        public Builder withoutVideo() {
            this.video = false;
            return this;
        }

        /** Seconds {@code fromSecond} to {@code toSecond − 1} are loud. */
        public Builder loud(int fromSecond, int toSecond) {
            loud.add(fromSecond + ".." + toSecond);
            return this;
        }

        /** Seconds {@code fromSecond} to {@code toSecond − 1} are full of motion. */
        public Builder motion(int fromSecond, int toSecond) {
            motion.add(fromSecond + ".." + toSecond);
            return this;
        }

        public Builder cuts(long... atMs) {
            Arrays.stream(atMs).forEach(cuts::add);
            return this;
        }

        /** Silence over [{@code startMs}, {@code endMs}). */
        public Builder silence(long startMs, long endMs) {
            silences.add(startMs + "-" + endMs);
            return this;
        }

        public String text() {
            StringBuilder text = new StringBuilder(MAGIC).append('\n');
            line(text, "duration_ms", Long.toString(durationMs));
            line(text, "container", container);
            line(text, "codec", codec);
            line(text, "width", Integer.toString(width));
            line(text, "height", Integer.toString(height));
            line(text, "rotation", Integer.toString(rotation));
            line(text, "fps", fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps));
            line(text, "video", Boolean.toString(video));
            line(text, "audio", Boolean.toString(audio));
            if (!loud.isEmpty()) {
                line(text, "loud", String.join(",", loud));
            }
            if (!motion.isEmpty()) {
                line(text, "motion", String.join(",", motion));
            }
            if (!cuts.isEmpty()) {
                line(text, "cuts", cuts.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
            if (!silences.isEmpty()) {
                line(text, "silences", String.join(",", silences));
            }
            return text.toString();
        }

        /** The file's bytes. Not checked here: a test may write a damaged file on purpose. */
        public byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }

        private static void line(StringBuilder text, String key, String value) {
            text.append(key).append('=').append(value).append('\n');
        }
    }

    private record Parser(Map<String, String> values) {

        FakeVideo parse() {
            if (!values.containsKey("duration_ms")) {
                throw damaged("it has no duration_ms");
            }
            long duration = number("duration_ms", values.get("duration_ms"));
            if (duration <= 0) {
                throw damaged("the duration must be positive, got " + duration + " ms");
            }
            int width = (int) number("width", values.getOrDefault("width", "1920"));
            int height = (int) number("height", values.getOrDefault("height", "1080"));
            if (width <= 0 || height <= 0) {
                throw damaged("the picture must have a positive size, got " + width + "×" + height);
            }
            int rotation = (int) number("rotation", values.getOrDefault("rotation", "0"));
            if (rotation % 90 != 0) {
                throw damaged("rotation must be a multiple of 90, got " + rotation);
            }
            double fps = decimal("fps", values.getOrDefault("fps", "30"));
            if (!(fps > 0 && fps <= 1000)) {
                throw damaged("fps must be within 0–1000, got " + fps);
            }
            String container = text("container", "mov,mp4");
            String codec = text("codec", "h264");
            boolean video = bool("video");
            boolean audio = bool("audio");
            int seconds = (int) ((duration + 999) / 1000);
            List<TimeRange> loud = secondSpans("loud", seconds);
            List<TimeRange> motion = secondSpans("motion", seconds);
            List<Long> cuts = new ArrayList<>();
            for (String item : items("cuts")) {
                long at = number("cuts", item);
                if (at < 0 || at >= duration) {
                    throw damaged("the cut at " + at + " ms is outside the " + duration + " ms video");
                }
                cuts.add(at);
            }
            cuts.sort(Comparator.naturalOrder());
            List<TimeRange> silences = new ArrayList<>();
            for (String item : items("silences")) {
                String[] ends = item.split("-", -1);
                if (ends.length != 2) {
                    throw damaged("silence '" + item + "' is not start-end in ms");
                }
                long start = number("silences", ends[0]);
                long end = number("silences", ends[1]);
                if (start < 0 || end <= start || end > duration) {
                    throw damaged("silence " + item + " ms is not a span inside the " + duration + " ms video");
                }
                silences.add(new TimeRange(start, end));
            }
            return new FakeVideo(duration, container, codec, width, height, rotation, fps, video, audio, loud,
                    motion, cuts, merged(silences));
        }

        private List<TimeRange> secondSpans(String key, int seconds) {
            List<TimeRange> spans = new ArrayList<>();
            for (String item : items(key)) {
                String[] ends = item.split("\\.\\.", -1);
                if (ends.length != 2) {
                    throw damaged(key + " span '" + item + "' is not from..to in seconds");
                }
                long from = number(key, ends[0]);
                long to = number(key, ends[1]);
                if (from < 0 || to <= from || to > seconds) {
                    throw damaged(key + " span " + item + " is not within the video's " + seconds + " s");
                }
                spans.add(new TimeRange(from * 1000, to * 1000));
            }
            return spans;
        }

        private List<String> items(String key) {
            String value = values.getOrDefault(key, "");
            return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
        }

        private String text(String key, String fallback) {
            String value = values.getOrDefault(key, fallback);
            if (value.isBlank()) {
                throw damaged(key + " is empty");
            }
            return value;
        }

        private boolean bool(String key) {
            String value = values.getOrDefault(key, "true");
            if (!value.equals("true") && !value.equals("false")) {
                throw damaged(key + " must be true or false, got '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }

        private static long number(String key, String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw damaged(key + " holds '" + value + "', not a whole number");
            }
        }

        private static double decimal(String key, String value) {
            try {
                return Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw damaged(key + " holds '" + value + "', not a number");
            }
        }

        private static List<TimeRange> merged(List<TimeRange> ranges) {
            List<TimeRange> merged = new ArrayList<>();
            for (TimeRange range : ranges.stream().sorted(Comparator.comparingLong(TimeRange::startMs)).toList()) {
                TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && range.startMs() <= last.endMs()) {
                    merged.set(merged.size() - 1, new TimeRange(last.startMs(), Math.max(last.endMs(), range.endMs())));
                } else {
                    merged.add(range);
                }
            }
            return merged;
        }
    }
}
