package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.domain.asset.VideoProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@link MediaProbe} on ffprobe, run as a process ({@code ffprobe -v error -print_format json
 * -show_format -show_streams}): only ffprobe's small JSON answer enters the JVM, never the file.
 *
 * <p>What makes a file not playable, with the reason the creator reads:
 * <ul>
 *   <li>an empty file (checked before ffprobe runs, for a local file);</li>
 *   <li>a file ffprobe cannot read as any format ("Invalid data found"): not a video;</li>
 *   <li>an image: an image format ({@code image2}, {@code png_pipe}, {@code jpeg_pipe}, …), a
 *       still-image stream, or a video of a single frame (a still GIF);</li>
 *   <li>no moving picture: audio only, or audio with a cover picture (an {@code attached_pic}
 *       video stream, as in MP3 and M4A files with album art);</li>
 *   <li>an incomplete file: ffprobe finds no index ("moov atom not found": an MP4 whose end is
 *       missing), or the index is there but the data it points to is not (an MP4 written with
 *       {@code +faststart}, or a Matroska file, cut short). The second case passes the first
 *       probe, so a second, small ffprobe seeks to the video's last second and reads its packets
 *       ({@code -read_intervals}): the demuxer only, no decoding, at most one group of pictures
 *       read;</li>
 *   <li>too long or too large for the {@link Settings}; the size is checked on the disk for a
 *       local file and from ffprobe's {@code format.size} (the server's length) for a URL.</li>
 * </ul>
 * ffprobe that cannot be started, runs past its deadline, or fails for another reason (an
 * expired URL, a missing file) is a {@link MediaException}: nothing is known about the file.
 * Thread-safe.
 */
public final class FfprobeMediaProbe implements MediaProbe {

    static final String EMPTY = "the file is empty";
    static final String NOT_A_VIDEO = "the file is not a video: its contents are not in a format Truss can read";
    static final String IMAGE = "the file is an image, not a video";
    static final String NO_PICTURE = "the file has sound but no picture; Truss needs a video";
    static final String NOTHING = "the file holds neither picture nor sound";
    static final String INCOMPLETE = "the file is incomplete or damaged (was the upload or the export interrupted?); "
            + "export it again";
    static final String NO_DURATION = "the file does not say how long the video lasts; export it again as MP4";
    static final String UNDECODABLE = "the video's picture is in a format Truss cannot decode";

    /**
     * What the probe accepts and how long it waits for ffprobe.
     *
     * @param maxDuration  the longest video accepted
     * @param maxFileBytes the largest file accepted, in bytes
     * @param timeout      how long one ffprobe may run (a URL is read over the network)
     */
    public record Settings(Duration maxDuration, long maxFileBytes, Duration timeout) {

        public Settings {
            Objects.requireNonNull(maxDuration, "max duration");
            Objects.requireNonNull(timeout, "timeout");
            if (maxDuration.isNegative() || maxDuration.isZero() || maxFileBytes <= 0 || timeout.isNegative()
                    || timeout.isZero()) {
                throw new IllegalArgumentException("limits and timeout must be positive");
            }
        }

        /** Up to 3 h, up to 20 GB, 2 min per ffprobe. */
        public static Settings defaults() {
            return new Settings(Duration.ofHours(3), 20_000_000_000L, Duration.ofMinutes(2));
        }

        public Settings withMaxDuration(Duration maxDuration) {
            return new Settings(maxDuration, maxFileBytes, timeout);
        }

        public Settings withMaxFileBytes(long maxFileBytes) {
            return new Settings(maxDuration, maxFileBytes, timeout);
        }
    }

    private final FfmpegRun run;
    private final Settings settings;

    public FfprobeMediaProbe(Ffmpeg ffmpeg, Settings settings) {
        this.run = new FfmpegRun(Objects.requireNonNull(ffmpeg, "ffmpeg"));
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public FfprobeMediaProbe(Ffmpeg ffmpeg) {
        this(ffmpeg, Settings.defaults());
    }

    @Override
    public Result probe(URI source) {
        MediaSource media = MediaSource.of(Objects.requireNonNull(source, "source"));
        if (media.localFile().isPresent()) {
            Optional<NotPlayable> refused = checkLocalFile(media.localFile().get());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        List<String> arguments = new ArrayList<>(List.of("-v", "error", "-print_format", "json", "-show_format",
                "-show_streams"));
        arguments.addAll(media.ffprobeInput());
        FfprobeReport report;
        try {
            report = FfprobeReport.parse(run.probe(arguments, settings.timeout()).stdout());
        } catch (MediaException e) {
            if (saidByFfprobe(e, "moov atom not found")) {
                return new NotPlayable(startsWithMp4Box(media) ? INCOMPLETE : NOT_A_VIDEO);
            }
            return notPlayableFrom(e).orElseThrow(() -> MediaSource.redacted(e));
        }
        Result result = judge(report);
        if (result instanceof Playable) {
            Optional<NotPlayable> cut = endMissing(media, report);
            if (cut.isPresent()) {
                return cut.get();
            }
        }
        return result;
    }

    private Optional<NotPlayable> checkLocalFile(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new MediaException("no file at " + file);
            }
            long size = Files.size(file);
            if (size == 0) {
                return Optional.of(new NotPlayable(EMPTY));
            }
            if (size > settings.maxFileBytes()) {
                return Optional.of(new NotPlayable(tooLarge(size)));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new MediaException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Result judge(FfprobeReport report) {
        if (isImageFormat(report.formatName())) {
            return new NotPlayable(IMAGE);
        }
        Optional<FfprobeReport.Stream> picture = report.firstMovingPicture();
        if (picture.isEmpty()) {
            boolean still = report.streams().stream().anyMatch(s -> s.isVideo() && s.stillImage());
            if (still) {
                return new NotPlayable(IMAGE);
            }
            return new NotPlayable(report.hasAudio() ? NO_PICTURE : NOTHING);
        }
        FfprobeReport.Stream video = picture.get();
        if (video.frames().isPresent() && video.frames().getAsLong() == 1) {
            return new NotPlayable(IMAGE); // a GIF (or any video) of a single frame
        }
        if (video.codec().isBlank() || video.width() <= 0 || video.height() <= 0) {
            return new NotPlayable(UNDECODABLE);
        }
        OptionalDouble seconds = report.durationSeconds().isPresent() ? report.durationSeconds()
                : video.durationSeconds();
        if (seconds.isEmpty() || seconds.getAsDouble() <= 0) {
            return new NotPlayable(NO_DURATION);
        }
        long durationMs = Math.round(seconds.getAsDouble() * 1000);
        double fps = video.framesPerSecond();
        if (durationMs <= 0 || !(fps > 0)) {
            return new NotPlayable(durationMs <= 0 ? NO_DURATION : UNDECODABLE);
        }
        if (durationMs > settings.maxDuration().toMillis()) {
            return new NotPlayable("the video lasts " + human(Duration.ofMillis(durationMs)) + "; Truss takes videos up to "
                    + human(settings.maxDuration()));
        }
        if (report.sizeBytes().isPresent() && report.sizeBytes().getAsLong() > settings.maxFileBytes()) {
            return new NotPlayable(tooLarge(report.sizeBytes().getAsLong()));
        }
        return new Playable(new VideoProperties(durationMs, report.formatName(), video.codec(), video.width(),
                video.height(), video.rotationClockwise(), fps, report.hasAudio()));
    }

    /**
     * Reads the packets of the video's last second (or three frames, if longer), demuxing only.
     * An intact file has packets up to its end; one cut short has none there, because the data
     * the index points to is missing (ffprobe says "partial file" but still exits 0).
     */
    private Optional<NotPlayable> endMissing(MediaSource media, FfprobeReport report) {
        FfprobeReport.Stream video = report.firstMovingPicture().orElseThrow();
        double start = video.startSeconds().orElse(report.startSeconds().orElse(0));
        double duration = video.durationSeconds().orElse(report.durationSeconds().orElse(0));
        double window = Math.max(1.0, 3 / video.framesPerSecond());
        double from = start + duration - window;
        if (duration <= window) {
            return Optional.empty(); // too short to tell a missing end from the whole video
        }
        List<String> arguments = new ArrayList<>(List.of("-v", "error", "-select_streams", "V:0", "-read_intervals",
                String.format(Locale.ROOT, "%.3f%%", from), "-show_entries", "packet=pts_time,duration_time",
                "-print_format", "json"));
        arguments.addAll(media.ffprobeInput());
        String answer;
        try {
            answer = run.probe(arguments, settings.timeout()).stdout();
        } catch (MediaException e) {
            return Optional.of(notPlayableFrom(e).orElseThrow(() -> MediaSource.redacted(e)));
        }
        double lastEnd = FfprobeReport.lastPacketEnd(answer).orElse(Double.NEGATIVE_INFINITY);
        return lastEnd >= from ? Optional.empty() : Optional.of(new NotPlayable(INCOMPLETE));
    }

    /**
     * The file's fault, told apart from the tool's by ffprobe's own words: a short read is an
     * incomplete file; data no demuxer recognises is not a video. Anything else (a missing
     * file, an HTTP error, a deadline) is left to be a {@link MediaException}.
     */
    static Optional<NotPlayable> notPlayableFrom(MediaException failure) {
        if (saidByFfprobe(failure, "moov atom not found") || saidByFfprobe(failure, "partial file")
                || saidByFfprobe(failure, "File ended prematurely") || saidByFfprobe(failure, "EBML header parsing failed")) {
            return Optional.of(new NotPlayable(INCOMPLETE));
        }
        if (saidByFfprobe(failure, "Invalid data found when processing input")) {
            return Optional.of(new NotPlayable(NOT_A_VIDEO));
        }
        return Optional.empty();
    }

    /** Whether ffprobe ran, failed, and said {@code words} (not: could not start, was cancelled, ran out of time). */
    private static boolean saidByFfprobe(MediaException failure, String words) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        return failure.getCause() == null && message.startsWith("ffprobe failed") && message.contains(words);
    }

    /**
     * Whether the file starts like an MP4 or QuickTime file (a box such as {@code ftyp}), read by
     * ffprobe as raw data ({@code -f data}, first packet only). The MP4 demuxer, chosen by a
     * {@code .mp4} name, misses its index both in an MP4 cut short and in bytes that were never
     * a video; only the former starts with a box.
     */
    private boolean startsWithMp4Box(MediaSource media) {
        List<String> arguments = new ArrayList<>(List.of("-v", "error", "-f", "data", "-read_intervals", "%+#1",
                "-show_entries", "packet=data", "-show_data", "-print_format", "json"));
        arguments.addAll(media.ffprobeInput());
        try {
            return FfprobeReport.startsWithMp4Box(run.probe(arguments, settings.timeout()).stdout());
        } catch (MediaException e) {
            if (saidByFfprobe(e, "")) {
                return false; // ffprobe ran and could not read even raw bytes: nothing like an MP4
            }
            throw MediaSource.redacted(e);
        }
    }

    private static boolean isImageFormat(String formatName) {
        return formatName.equals("image2") || formatName.endsWith("_pipe");
    }

    private String tooLarge(long bytes) {
        return "the file is " + size(bytes) + "; Truss takes files up to " + size(settings.maxFileBytes());
    }

    /** "20 GB", "1.5 GB", "97 kB": decimal units, as file managers show sizes. */
    static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return decimal(bytes / 1e9) + " GB";
        }
        if (bytes >= 1_000_000L) {
            return decimal(bytes / 1e6) + " MB";
        }
        if (bytes >= 1_000L) {
            return Math.round(bytes / 1e3) + " kB";
        }
        return bytes + " bytes";
    }

    private static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** "3 h", "3 h 12 min", "45 min 3 s", "10 s": the parts that are not zero, seconds rounded up. */
    static String human(Duration duration) {
        long seconds = (duration.toMillis() + 999) / 1000;
        List<String> parts = new ArrayList<>();
        if (seconds >= 3600) {
            parts.add(seconds / 3600 + " h");
        }
        if (seconds % 3600 >= 60) {
            parts.add(seconds % 3600 / 60 + " min");
        }
        if (seconds % 60 > 0 || parts.isEmpty()) {
            parts.add(seconds % 60 + " s");
        }
        return String.join(" ", parts);
    }
}
