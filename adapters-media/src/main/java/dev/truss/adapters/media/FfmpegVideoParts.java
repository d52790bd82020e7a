package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.VideoParts;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Cuts parts of a video into small MP4 proxies for an AI model, with FFmpeg run as a process:
 * H.264 at a low frame rate (2 fps by default, for a model that samples about one frame a
 * second) with the picture's short side at 360 px (never enlarged), and AAC mono at 64 kb/s,
 * enough for speech. See {@link PartSettings}.
 *
 * <p>First the source is probed ({@link FfprobeMediaProbe}, with no limits on length or size):
 * a source that is missing or no playable video, or a range that starts or ends after it, fails
 * before any part is cut. Then one ffmpeg run per range, each reading only its range ({@code -ss}
 * before {@code -i}, accurate: the part's first frame is the source's at the range's start):
 * <pre>
 * ffmpeg -v error -skip_frame:v noref -ss START -t LENGTH [-rw_timeout … -protocol_whitelist http,https,tcp,tls]
 *   -i SOURCE -map 0:V:0 [-map 0:a:0]
 *   -vf fps=2:round=up:start_time=0,trim=duration=LENGTH,scale=…short side 360…,setsar=1,format=yuv420p
 *   -c:v libx264 -preset veryfast -crf 32 -c:a aac -b:a 64k -ac 1 -ar 48000
 *   -map_metadata -1 -map_chapters -1 -movflags +faststart -f mp4 PART
 * </pre>
 * The decoder skips the frames no other frame refers to: sampling 2 frames a second does not need
 * them, and it saves about a fifth of the decoding, which is most of the work. FFmpeg autorotates,
 * so a phone video's parts are upright; source metadata (GPS and the like) stays out of files
 * that leave for a model's provider. A part's file has its own clock: its time 0 is the range's
 * start. A source without sound gives parts without an audio stream, and where the source has
 * no picture (a picture that ends before the sound) neither has the part.
 *
 * <p>{@code -t} is an input option, so the source is read up to the range's end and no further,
 * and the picture is cut in the filter graph. The output's {@code -t} is not used: with
 * {@code fps=…:round=up}, FFmpeg 8.1 hung for good on 7 of 60 short ranges ending in the last
 * second before the end of a 30-minute 1080p source (waiting on itself, no CPU used, until the
 * deadline killed it); with {@code -t} on the input and {@code trim} in the graph, none did.
 *
 * <p>Parts are written as hidden {@code .part-….part} files and renamed into place when complete,
 * named {@code part-<n>-<start ms>-<end ms>-<call>.mp4}. A failure, a deadline or a cancelling
 * interrupt deletes every part of the call, those already finished included, and throws
 * {@link MediaException} (with the tail of ffmpeg's stderr, a presigned URL's query left out).
 * Progress: 1 once probed, then each part's share of the total length as ffmpeg reports it,
 * 100 once all are in place. Thread-safe: it holds no mutable state.
 */
public final class FfmpegVideoParts implements VideoParts {

    private static final int PROBED = 1;
    private static final int ENCODED = 99;
    private static final int SAMPLE_RATE = 48_000;

    private final FfmpegRun run;
    private final MediaProbe probe;
    private final PartSettings settings;

    /** Parts with {@link PartSettings#defaults()}. */
    public FfmpegVideoParts(Ffmpeg ffmpeg) {
        this(ffmpeg, PartSettings.defaults());
    }

    public FfmpegVideoParts(Ffmpeg ffmpeg, PartSettings settings) {
        this.run = new FfmpegRun(Objects.requireNonNull(ffmpeg, "ffmpeg"));
        this.settings = Objects.requireNonNull(settings, "settings");
        // Reading, not admitting: the limits on uploads are the upload probe's business.
        this.probe = new FfprobeMediaProbe(ffmpeg, FfprobeMediaProbe.Settings.defaults()
                .withMaxDuration(Duration.ofDays(7)).withMaxFileBytes(Long.MAX_VALUE));
    }

    public PartSettings settings() {
        return settings;
    }

    @Override
    public List<Part> cut(URI source, List<TimeRange> ranges, Path directory, IntConsumer percentDone) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(directory, "directory");
        MonotonicProgress progress = new MonotonicProgress(Objects.requireNonNull(percentDone, "percent done"));
        List<TimeRange> wanted = List.copyOf(ranges);
        MediaSource media = MediaSource.of(source);
        progress.report(0);
        VideoProperties video = properties(source, media);
        for (TimeRange range : wanted) {
            if (range.endMs() > video.durationMs()) {
                throw new MediaException("the part " + range + " does not lie inside " + media.describe()
                        + ", which lasts " + video.durationMs() + " ms");
            }
        }
        progress.report(PROBED);
        Path target = directory.toAbsolutePath();
        String call = UUID.randomUUID().toString().substring(0, 8);
        long total = Math.max(1, wanted.stream().mapToLong(TimeRange::durationMs).sum());
        long done = 0;
        List<Part> parts = new ArrayList<>(wanted.size());
        Path partial = null;
        boolean complete = false;
        try {
            Files.createDirectories(target);
            for (int index = 0; index < wanted.size(); index++) {
                TimeRange range = wanted.get(index);
                if (Thread.currentThread().isInterrupted()) {
                    throw new MediaException("cutting the parts of " + media.describe() + " was cancelled",
                            new InterruptedException());
                }
                String name = "part-" + (index + 1) + "-" + range.startMs() + "-" + range.endMs() + "-" + call + ".mp4";
                Path file = target.resolve(name);
                partial = target.resolve("." + name + ".part");
                int from = share(done, total);
                done += range.durationMs();
                FfmpegRun.Output output = run.transcode(arguments(media, range, video.hasAudio(), settings, partial),
                        settings.timeoutFor(range.durationMs()), progress.stage(from, share(done, total),
                                range.durationMs()));
                if (output.stderrTail().contains("partial file")) {
                    // the demuxer lost packets it was promised: ffmpeg carries on and exits 0, with a hole in the part
                    throw new MediaException("ffmpeg could not read all of " + range + " of " + media.describe()
                            + ": " + output.stderrTail().strip());
                }
                if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                    throw new MediaException("ffmpeg wrote nothing for " + range + " of " + media.describe());
                }
                move(partial, file);
                partial = null;
                parts.add(new Part(range, file));
            }
            complete = true;
        } catch (IOException e) {
            throw new MediaException("could not write the parts into " + target + ": " + e.getMessage(), e);
        } catch (MediaException e) {
            throw MediaSource.redacted(e);
        } finally {
            if (!complete) {
                if (partial != null) {
                    deleteQuietly(partial);
                }
                parts.forEach(part -> deleteQuietly(part.file()));
            }
        }
        progress.report(100);
        return List.copyOf(parts);
    }

    /** The ffmpeg arguments cutting {@code range} of {@code media} into {@code output}. */
    static List<String> arguments(MediaSource media, TimeRange range, boolean audio, PartSettings settings,
                                  Path output) {
        List<String> arguments = new ArrayList<>(List.of("-v", "error", "-skip_frame:v", "noref",
                "-ss", RenderPlan.seconds(range.startMs()), "-t", RenderPlan.seconds(range.durationMs())));
        arguments.addAll(media.ffmpegInput());
        arguments.addAll(List.of("-map", "0:V:0"));
        if (audio) {
            arguments.addAll(List.of("-map", "0:a:0"));
        }
        arguments.addAll(List.of(
                "-vf", videoFilter(settings, range.durationMs()),
                "-c:v", "libx264", "-preset", settings.preset(), "-crf", String.valueOf(settings.crf()),
                "-pix_fmt", "yuv420p"));
        if (audio) {
            arguments.addAll(List.of("-c:a", "aac", "-b:a", settings.audioKilobitsPerSecond() + "k", "-ac", "1",
                    "-ar", String.valueOf(SAMPLE_RATE)));
        }
        arguments.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1", "-movflags", "+faststart",
                "-f", "mp4", "file:" + output));
        return arguments;
    }

    /**
     * The picture: thinned to the frame rate first, so only the kept frames are scaled. Each kept
     * frame is the one the source shows at its instant ({@code round=up}: the last frame at or
     * before it; the default, {@code near}, takes the last one up to half an output frame
     * <em>after</em> it, 0.24 s late at 2 fps), and the range's first frame is also the part's
     * first ({@code start_time=0}: without it, a source whose first frame in the range comes a
     * little after the range's start would give a part whose picture starts half a second late).
     * {@code trim} then ends the picture at the range's length ({@code round=up} adds a slot for
     * the instant the range ends). The short side of the picture as displayed ({@code iw*sar}
     * wide) is brought down to the setting, never enlarged, both sides even, square pixels.
     */
    static String videoFilter(PartSettings settings, long durationMs) {
        int side = settings.shortSide();
        String landscape = "gte(iw*sar,ih)";
        String width = "max(2,round(if(" + landscape + ",min(" + side + ",ih)*iw*sar/ih,min(" + side
                + ",iw*sar))/2)*2)";
        String height = "max(2,round(if(" + landscape + ",min(" + side + ",ih),min(" + side
                + ",iw*sar)*ih/(iw*sar))/2)*2)";
        return "fps=" + settings.framesPerSecond() + ":round=up:start_time=0,trim=duration="
                + RenderPlan.seconds(durationMs) + ",scale=w='" + width + "':h='" + height
                + "':flags=area,setsar=1,format=yuv420p";
    }

    private VideoProperties properties(URI source, MediaSource media) {
        MediaProbe.Result result;
        try {
            result = probe.probe(source);
        } catch (MediaException e) {
            throw MediaSource.redacted(e);
        }
        if (result instanceof MediaProbe.NotPlayable notPlayable) {
            throw new MediaException("cannot cut parts of " + media.describe() + ": " + notPlayable.reason());
        }
        return ((MediaProbe.Playable) result).video();
    }

    private static int share(long done, long total) {
        return PROBED + (int) ((ENCODED - PROBED) * done / total);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more can be done; a leftover's name starts with a dot and ends in .part
        }
    }
}
