package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.SignalExtractor;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.virality.EngagementTimeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * A {@link SignalExtractor} on one ffmpeg process that decodes the video once and measures
 * everything on the way ({@code -filter_complex … -f null -}). Each measuring filter writes
 * its per-frame metadata to a file of its own in a temporary folder
 * ({@code metadata=mode=print:file=…}); the files are read after the run and the folder is
 * deleted. The graph, for a video with sound (see {@link #filterGraph}):
 * <pre>
 * [0:V:0] (fps=30,) scale=160:-2:flags=area, scdet=threshold=10, metadata=mode=print:file=video.txt [v];
 * [0:a:0] silencedetect=noise=-35dB:duration=0.5, ametadata=mode=print:file=silence.txt,
 *         aresample=48000:async=1:first_pts=0, asetnsamples=n=4800:p=0,
 *         astats=metadata=1:reset=1:measure_perchannel=none:measure_overall=RMS_level,
 *         ametadata=mode=print:key=lavfi.astats.Overall.RMS_level:file=loudness.txt [a]
 * </pre>
 * Why these filters:
 * <ul>
 *   <li>Decoding is the cost; everything after it works on a picture 160 pixels wide (160×90
 *       for 16:9, 1/144 of a 1080p frame). On a 1080p 30 fps H.264 file the whole pass takes
 *       about 1.1–1.3 times a plain {@code ffmpeg -i … -f null -} decode, most of the extra being
 *       the downscale. {@code -noautorotate} spares the full-size rotation a phone video would
 *       get (orientation does not change a difference), and the {@code area} scaler averages
 *       the pixels it drops, so fine detail does not alias into false motion. Pictures above 30
 *       a second are thinned to 30 before scaling: cut times stay within 33 ms, and measuring
 *       (though not decoding) a 60 fps video costs no more than a 30 fps one.</li>
 *   <li>{@code scdet} gives both video signals from one comparison: every frame gets
 *       {@code lavfi.scd.mafd} (mean absolute difference to the previous frame, percent of full
 *       scale), which is the motion energy, and {@code lavfi.scd.score} (how much that
 *       difference jumps compared to the frame before, so steady motion does not count);
 *       frames scoring at or above the threshold get {@code lavfi.scd.time}: the cuts. A cut's
 *       score is scdet's, divided by 100. Unlike {@code select='gt(scene,…)'} it passes every
 *       frame on, so no {@code split} into a second chain is needed.</li>
 *   <li>{@code silencedetect} finds silences to the sample ({@code silence_start} and
 *       {@code silence_end} on the frames where it decides), before the audio is re-cut into
 *       blocks, so its times are the decoder's.</li>
 *   <li>Loudness is the RMS level (dBFS, not K-weighted) of 100 ms blocks ({@code asetnsamples} after resampling to
 *       48 kHz, {@code astats} reset on each block), averaged per second as energy by
 *       {@link TimelineBuilder}: exact second boundaries whatever the source's sample rate, no
 *       window reaching into the next second (as EBU R128's 400 ms momentary loudness does).
 *       {@code first_pts=0} pads a late-starting (or trims an early-starting) track to start at
 *       0 and {@code async=1} fills gaps with silence, so the blocks stay on the 100 ms grid
 *       instead of straddling seconds. The floor (−70 dB) stands for digital silence.</li>
 * </ul>
 * A video without sound ({@code hasAudio} false) runs the video chain only; the whole video is
 * one silence and every second reads the floor, so the domain's loudness stays finite and a
 * silent video does not score as speech. The timeline lasts the probed duration; measurements
 * at or after it are dropped. Progress is ffmpeg's {@code out_time_us} over that duration.
 * Failures (ffmpeg's words, a deadline, a cancelling interrupt) are {@link MediaException}s,
 * with a presigned URL's query left out. Thread-safe: each call runs its own process.
 */
public final class FfmpegSignalExtractor implements SignalExtractor {

    private static final String MAFD = "lavfi.scd.mafd";
    private static final String CUT_SCORE = "lavfi.scd.score";
    private static final String CUT_TIME = "lavfi.scd.time";
    private static final String SILENCE_START = "lavfi.silence_start";
    private static final String SILENCE_END = "lavfi.silence_end";
    private static final String RMS = "lavfi.astats.Overall.RMS_level";

    /**
     * How the signals are measured.
     *
     * @param silenceNoiseDb         a sound below this level (dBFS) is silence
     * @param minimumSilence         … when it lasts at least this long
     * @param sceneThresholdPercent  scdet's threshold (0–100): a frame whose score reaches it is a cut
     * @param analysisWidth          the picture is measured this many pixels wide
     * @param maxAnalysisFps         pictures above this rate are thinned to it before measuring
     * @param loudnessFloorDb        the lowest loudness reported; digital silence reads as this
     * @param motionFullScalePercent a mean frame difference (per 1/30 s, percent of full scale) that is motion 1.0
     * @param baseTimeout            the deadline of a run is this …
     * @param timeoutPerVideoSecond  … plus this many seconds per second of video
     * @param workDirectory          where the temporary folder goes; empty for the system's temporary folder
     */
    public record Settings(double silenceNoiseDb, Duration minimumSilence, double sceneThresholdPercent,
                           int analysisWidth, double maxAnalysisFps, double loudnessFloorDb,
                           double motionFullScalePercent, Duration baseTimeout, double timeoutPerVideoSecond,
                           Optional<Path> workDirectory) {

        public Settings {
            Objects.requireNonNull(minimumSilence, "minimum silence");
            Objects.requireNonNull(baseTimeout, "base timeout");
            Objects.requireNonNull(workDirectory, "work directory");
            if (!(silenceNoiseDb < 0) || minimumSilence.isNegative() || minimumSilence.isZero()) {
                throw new IllegalArgumentException("silence is below a negative level and lasts a while");
            }
            if (!(sceneThresholdPercent > 0 && sceneThresholdPercent <= 100)) {
                throw new IllegalArgumentException("the scene threshold is within 0–100, got " + sceneThresholdPercent);
            }
            if (analysisWidth < 16 || analysisWidth % 2 != 0 || !(maxAnalysisFps > 0)) {
                throw new IllegalArgumentException("the analysis width is even and at least 16, the rate positive");
            }
            if (!Double.isFinite(loudnessFloorDb) || !(motionFullScalePercent > 0)) {
                throw new IllegalArgumentException("the loudness floor is finite, motion's full scale positive");
            }
            if (baseTimeout.isNegative() || baseTimeout.isZero() || !(timeoutPerVideoSecond >= 0)) {
                throw new IllegalArgumentException("the timeout is positive");
            }
        }

        /**
         * Silence below −35 dBFS for 0.5 s, cuts at scdet 10 %, 160 px at up to 30 fps, floor
         * −70 dB, deadline 5 min plus twice the video's length, and motion 1.0 at a 5 % mean
         * difference per 1/30 s: a first guess (a still shot reads near 0, a 48-pixel square
         * sliding across a 320-pixel frame about 0.06), to be tuned on real footage.
         */
        public static Settings defaults() {
            return new Settings(-35, Duration.ofMillis(500), 10, 160, 30, -70, 5, Duration.ofMinutes(5), 2,
                    Optional.empty());
        }

        public Settings withWorkDirectory(Path directory) {
            return new Settings(silenceNoiseDb, minimumSilence, sceneThresholdPercent, analysisWidth, maxAnalysisFps,
                    loudnessFloorDb, motionFullScalePercent, baseTimeout, timeoutPerVideoSecond,
                    Optional.of(directory));
        }

        public Settings withSilence(double noiseDb, Duration minimum) {
            return new Settings(noiseDb, minimum, sceneThresholdPercent, analysisWidth, maxAnalysisFps,
                    loudnessFloorDb, motionFullScalePercent, baseTimeout, timeoutPerVideoSecond, workDirectory);
        }

        public Settings withTimeout(Duration base, double perVideoSecond) {
            return new Settings(silenceNoiseDb, minimumSilence, sceneThresholdPercent, analysisWidth, maxAnalysisFps,
                    loudnessFloorDb, motionFullScalePercent, base, perVideoSecond, workDirectory);
        }

        Duration timeoutFor(long durationMs) {
            return baseTimeout.plusMillis(Math.round(durationMs * timeoutPerVideoSecond));
        }
    }

    /** The files the measuring filters write, in one temporary folder. */
    record Outputs(Path video, Path silence, Path loudness) {
        static Outputs in(Path directory) {
            return new Outputs(directory.resolve("video.txt"), directory.resolve("silence.txt"),
                    directory.resolve("loudness.txt"));
        }
    }

    private final FfmpegRun run;
    private final Settings settings;

    public FfmpegSignalExtractor(Ffmpeg ffmpeg, Settings settings) {
        this.run = new FfmpegRun(Objects.requireNonNull(ffmpeg, "ffmpeg"));
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public FfmpegSignalExtractor(Ffmpeg ffmpeg) {
        this(ffmpeg, Settings.defaults());
    }

    @Override
    public EngagementTimeline extract(URI source, VideoProperties video, IntConsumer percentDone) {
        MediaSource media = MediaSource.of(Objects.requireNonNull(source, "source"));
        Objects.requireNonNull(video, "video");
        Progress progress = new Progress(Objects.requireNonNull(percentDone, "percent done"), video.durationMs());
        progress.report(0);
        Path work = temporaryFolder();
        try {
            Outputs outputs = Outputs.in(work);
            List<String> arguments = new ArrayList<>(List.of("-v", "error", "-noautorotate"));
            arguments.addAll(media.ffmpegInput());
            arguments.addAll(List.of("-filter_complex", filterGraph(settings, video, outputs), "-map", "[v]"));
            if (video.hasAudio()) {
                arguments.addAll(List.of("-map", "[a]"));
            }
            arguments.addAll(List.of("-f", "null", "-"));
            FfmpegRun.Output output = run.transcode(arguments, settings.timeoutFor(video.durationMs()),
                    progress::reportMicros);
            progress.rethrowListenerFailure();
            if (output.stderrTail().contains("partial file")) {
                // the demuxer lost packets it was promised (a short file, a read that failed for good):
                // ffmpeg carries on and exits 0, but the signals would have a hole
                throw new MediaException("ffmpeg could not read all of " + media.describe() + ": "
                        + output.stderrTail().strip());
            }
            EngagementTimeline timeline = read(outputs, video, media);
            progress.report(100);
            return timeline;
        } catch (MediaException e) {
            throw MediaSource.redacted(e);
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * The filter graph for {@code video}, writing to {@code outputs}: the video chain ending in
     * {@code [v]} and, when the video has sound, the audio chain ending in {@code [a]}.
     */
    static String filterGraph(Settings settings, VideoProperties video, Outputs outputs) {
        StringBuilder graph = new StringBuilder("[0:V:0]");
        if (video.framesPerSecond() > settings.maxAnalysisFps() + 0.5) {
            graph.append("fps=").append(number(settings.maxAnalysisFps())).append(',');
        }
        graph.append("scale=").append(settings.analysisWidth()).append(":-2:flags=area,")
                .append("scdet=threshold=").append(number(settings.sceneThresholdPercent())).append(',')
                .append("metadata=mode=print:file=").append(filterPath(outputs.video())).append("[v]");
        if (video.hasAudio()) {
            graph.append(";[0:a:0]silencedetect=noise=").append(number(settings.silenceNoiseDb())).append("dB")
                    .append(":duration=").append(number(settings.minimumSilence().toMillis() / 1000.0))
                    .append(",ametadata=mode=print:file=").append(filterPath(outputs.silence()))
                    .append(",aresample=48000:async=1:first_pts=0,asetnsamples=n=4800:p=0")
                    .append(",astats=metadata=1:reset=1:measure_perchannel=none:measure_overall=RMS_level")
                    .append(",ametadata=mode=print:key=").append(RMS).append(":file=")
                    .append(filterPath(outputs.loudness())).append("[a]");
        }
        return graph.toString();
    }

    /**
     * A path as a filter option's value inside a filter graph: escaped once for the option
     * parser ({@code \ ' :}) and again for the graph parser ({@code \ ' [ ] , ;}), as FFmpeg's
     * "filtergraph escaping" rules say; blanks are escaped at both levels so none is trimmed.
     */
    static String filterPath(Path path) {
        return escape(escape(path.toString(), "\\':"), "\\'[],;");
    }

    private static String escape(String text, String special) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (special.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private EngagementTimeline read(Outputs outputs, VideoProperties video, MediaSource media) {
        TimelineBuilder timeline = new TimelineBuilder(video.durationMs(), settings.loudnessFloorDb(),
                settings.motionFullScalePercent());
        AtomicInteger frames = new AtomicInteger();
        try {
            MetadataPrintFile.read(outputs.video(), frame -> {
                frames.incrementAndGet();
                timeline.videoFrame(frame.ptsSeconds(), frame.number(MAFD), frame.values().containsKey(CUT_TIME),
                        frame.number(CUT_SCORE));
            });
            if (video.hasAudio()) {
                MetadataPrintFile.read(outputs.silence(), frame -> {
                    double end = frame.number(SILENCE_END);
                    double start = frame.number(SILENCE_START);
                    if (Double.isFinite(end)) {
                        timeline.silenceEnds(end);
                    }
                    if (Double.isFinite(start)) {
                        timeline.silenceStarts(start);
                    }
                });
                MetadataPrintFile.read(outputs.loudness(), frame -> timeline.loudnessBlock(frame.ptsSeconds(),
                        frame.number(RMS)));
            } else {
                timeline.noAudio();
            }
        } catch (UncheckedIOException e) {
            throw new MediaException("could not read what ffmpeg measured: " + e.getCause().getMessage(), e);
        }
        if (frames.get() == 0) {
            throw new MediaException("ffmpeg decoded no picture from " + media.describe());
        }
        return timeline.build();
    }

    private Path temporaryFolder() {
        try {
            return settings.workDirectory().isPresent()
                    ? Files.createTempDirectory(settings.workDirectory().get(), "truss-signals-")
                    : Files.createTempDirectory("truss-signals-");
        } catch (IOException e) {
            throw new MediaException("could not create a temporary folder for the measurements: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover temporary file is not worth failing the extraction for
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // the same
        }
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /**
     * Whole percents, rising only, to 99 while ffmpeg runs; 100 once the timeline is built. While
     * ffmpeg runs, the listener is called on the thread that reads ffmpeg's output: a listener
     * that throws must not kill that thread (ffmpeg would block on a full pipe), so its failure
     * is kept and thrown once the run is over.
     */
    private static final class Progress {
        private final IntConsumer percentDone;
        private final long durationMicros;
        private int last = -1;
        private RuntimeException listenerFailure;

        Progress(IntConsumer percentDone, long durationMs) {
            this.percentDone = percentDone;
            this.durationMicros = durationMs * 1000;
        }

        void reportMicros(long micros) {
            try {
                report((int) Math.min(99, Math.max(0, micros * 100 / durationMicros)));
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (listenerFailure == null) {
                        listenerFailure = e;
                    }
                }
            }
        }

        synchronized void rethrowListenerFailure() {
            if (listenerFailure != null) {
                throw listenerFailure;
            }
        }

        synchronized void report(int percent) {
            if (percent > last) {
                last = percent;
                percentDone.accept(percent);
            }
        }
    }
}
