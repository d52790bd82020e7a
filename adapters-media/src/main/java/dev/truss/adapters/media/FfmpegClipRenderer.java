package dev.truss.adapters.media;

import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.media.MediaException;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Renders a clip as a vertical 9:16 H.264/AAC MP4 and a JPEG thumbnail with FFmpeg, run as a process.
 *
 * <p>One render is up to three ffmpeg runs, each reading only the clip's part of the source
 * ({@code -ss} before {@code -i}): for FOLLOW_ACTION a quick pass measuring where the picture
 * moves ({@link FramingActivity}, {@link FramingPath}); the render (see {@link RenderPlan} for
 * the filter graphs); and the thumbnail, taken from the rendered clip, so it has the same framing
 * and captions. Both files are written under hidden temporary names in the output directory and
 * moved into place only once both are complete; on any failure, or cancellation by interrupt,
 * they are deleted. A range that does not lie inside the video is refused before anything runs.
 *
 * <p>An instance holds no mutable state: renders may run side by side on several threads.
 */
public final class FfmpegClipRenderer implements ClipRenderer {

    /** Share of the progress bar the motion pass and the render take; the thumbnail has the rest. */
    private static final int ANALYSED = 10;
    private static final int ENCODED = 96;

    private final FfmpegRun run;
    private final RenderSettings settings;
    private final Optional<RenderFont> font;

    /** A renderer with {@link RenderSettings#defaults()}. */
    public FfmpegClipRenderer(Ffmpeg ffmpeg) {
        this(ffmpeg, RenderSettings.defaults());
    }

    /**
     * A renderer with {@code settings}; throws {@link MediaException} when a configured caption
     * font is not a readable file.
     */
    public FfmpegClipRenderer(Ffmpeg ffmpeg, RenderSettings settings) {
        this(ffmpeg, settings, RenderFont.locate(settings.captionFont()));
    }

    /** With the caption font given (empty: captions are skipped with a note), for tests. */
    FfmpegClipRenderer(Ffmpeg ffmpeg, RenderSettings settings, Optional<RenderFont> font) {
        this.run = new FfmpegRun(Objects.requireNonNull(ffmpeg, "ffmpeg"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.font = Objects.requireNonNull(font, "font");
    }

    /** The font captions are drawn with, if one was found. */
    public Optional<Path> captionFont() {
        return font.map(RenderFont::file);
    }

    @Override
    public Rendered render(Request request, IntConsumer percentDone) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(percentDone, "progress");
        VideoProperties video = request.video();
        TimeRange range = request.range();
        if (range.endMs() > video.durationMs()) {
            throw new MediaException("the clip " + range + " does not lie inside the video, which lasts "
                    + video.durationMs() + " ms");
        }
        RenderPlan.location(request.source());
        Path directory = request.outputDirectory().toAbsolutePath();
        String stem = "clip-" + range.startMs() + "-" + range.endMs() + "-"
                + request.layout().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path videoFile = directory.resolve(stem + ".mp4");
        Path thumbnailFile = directory.resolve(stem + ".jpg");
        Path videoPart = directory.resolve("." + stem + ".mp4.part");
        Path thumbnailPart = directory.resolve("." + stem + ".jpg.part");
        MonotonicProgress progress = new MonotonicProgress(percentDone);
        progress.report(0);
        Path scratch = null;
        boolean complete = false;
        try {
            Files.createDirectories(directory);
            scratch = Files.createTempDirectory("truss-render-");
            String framing = render(request, scratch, videoPart, thumbnailPart, progress);
            move(videoPart, videoFile);
            try {
                move(thumbnailPart, thumbnailFile);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(videoFile);
                throw e;
            }
            complete = true;
            progress.report(100);
            return new Rendered(videoFile, thumbnailFile, framing);
        } catch (IOException e) {
            throw new MediaException("could not write the clip into " + directory + ": " + e.getMessage(), e);
        } finally {
            if (!complete) {
                deleteQuietly(videoPart);
                deleteQuietly(thumbnailPart);
            }
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
    }

    /** Runs the passes into the temporary files and returns the framing's description. */
    private String render(Request request, Path scratch, Path videoPart, Path thumbnailPart, MonotonicProgress progress)
            throws IOException {
        VideoProperties video = request.video();
        TimeRange range = request.range();
        long durationMs = range.durationMs();
        Duration timeout = settings.timeoutFor(durationMs);
        RenderPlan.Size size = RenderPlan.videoSize(request.quality());
        String rate = RenderPlan.frameRate(video.framesPerSecond(), settings.maxFramesPerSecond());
        double clipSeconds = durationMs / 1000.0;
        double thumbnailAt = clipSeconds / 2;
        Optional<FramingPath> path = Optional.empty();
        int encodingFrom = 0;

        String framing;
        RenderPlan.Size crop = RenderPlan.coverCrop(video);
        if (request.layout() == Layout.FOLLOW_ACTION && crop.width() < video.displayWidth()) {
            Path raw = scratch.resolve("activity.gray");
            run.transcode(RenderPlan.activityArguments(request.source(), range.startMs(), durationMs, raw), timeout,
                    progress.stage(0, ANALYSED, durationMs));
            FramingActivity activity = FramingActivity.fromDifferenceFrames(Files.readAllBytes(raw),
                    FramingActivity.COLUMNS, FramingActivity.ROWS, FramingActivity.SAMPLES_PER_SECOND);
            FramingPath followed = FramingPath.follow(activity,
                    crop.width() / (double) video.displayWidth(), clipSeconds);
            path = Optional.of(followed);
            framing = followed.describe(video.displayWidth());
            thumbnailAt = activity.mostActiveSecond(clipSeconds).orElse(thumbnailAt);
            encodingFrom = ANALYSED;
        } else if (request.layout() == Layout.FOLLOW_ACTION) {
            framing = "follow action: the " + video.displayWidth() + "×" + video.displayHeight()
                    + " picture is no wider than 9:16, so its middle " + crop + " is kept";
        } else if (request.layout() == Layout.CENTER_CROP) {
            framing = "centre crop: the middle " + crop + " of " + video.displayWidth() + "×" + video.displayHeight();
        } else {
            framing = "blurred fit: the whole " + video.displayWidth() + "×" + video.displayHeight() + " picture at "
                    + RenderPlan.fit(video, size) + " over a blurred, enlarged copy";
        }

        List<String> captionFilters = new ArrayList<>();
        String captions = "";
        if (!request.captions().isEmpty()) {
            if (font.isEmpty()) {
                captions = "; captions skipped: no font found (set " + RenderFont.VARIABLE + " to a .ttf file)";
            } else {
                RenderCaptions.Prepared prepared = RenderCaptions.prepare(request.captions(), range, size.width(),
                        size.height(), font.get());
                captionFilters.addAll(RenderCaptions.filters(prepared, font.get(), scratch));
                captions = "; " + prepared.cues().size() + " caption" + (prepared.cues().size() == 1 ? "" : "s")
                        + " burned in"
                        + (prepared.droppedCharacters() > 0 ? " (" + prepared.droppedCharacters()
                        + " character(s) the font lacks left out)" : "");
            }
        }

        String graph = RenderPlan.videoGraph(request.layout(), size, rate, path, captionFilters) + ";"
                + RenderPlan.audioGraph(video.hasAudio());
        double lastFrame = Math.max(0, clipSeconds - 1 / RenderPlan.frameRateValue(rate));
        double thumbnailSeconds = Math.min(thumbnailAt, lastFrame);
        run.transcode(RenderPlan.renderArguments(request.source(), range.startMs(), durationMs, graph, settings,
                OptionalDouble.of(thumbnailSeconds), videoPart), timeout, progress.stage(encodingFrom, ENCODED, durationMs));
        if (!Files.isRegularFile(videoPart) || Files.size(videoPart) == 0) {
            throw new MediaException("ffmpeg wrote no video for " + request.source() + " " + range);
        }

        run.transcode(RenderPlan.thumbnailArguments(videoPart, thumbnailSeconds,
                RenderPlan.thumbnailSize(request.quality()), thumbnailPart), timeout, micros -> { });
        if (!Files.isRegularFile(thumbnailPart) || Files.size(thumbnailPart) == 0) {
            throw new MediaException("ffmpeg wrote no thumbnail for " + request.source() + " " + range);
        }
        progress.report(99);
        return framing + "; " + size + " at " + rate + " fps" + captions;
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
            // nothing more can be done; the name starts with a dot and ends in .part
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(FfmpegClipRenderer::deleteQuietly);
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
