package dev.truss.bootstrap.cli;

import dev.truss.adapters.gemini.GeminiMomentDetector;
import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegClipRenderer;
import dev.truss.adapters.media.FfmpegSignalExtractor;
import dev.truss.adapters.media.FfmpegVideoParts;
import dev.truss.adapters.media.FfprobeMediaProbe;
import dev.truss.application.common.Outcome;
import dev.truss.application.detect.ClipVideo;
import dev.truss.application.detect.LocalMomentDetector;
import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.media.DetectorChoice;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.bootstrap.serve.ServeSettings;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.virality.ViralityScorer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code truss clip VIDEO}: the moments are found (by the local detector, or by Gemini when
 * {@code TRUSS_GEMINI_KEY} is set, with its captions burned in), the best are rendered as vertical
 * clips, and {@code report.json} says why each scored what it did. No account needed.
 */
@Command(name = "clip", mixinStandardHelpOptions = true,
        description = "Find the best moments of a video and render them as 9:16 clips, with a JSON report.")
final class ClipCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Where secrets are read: the process environment, unless a test or an embedder says otherwise. */
    UnaryOperator<String> environment = System::getenv;

    @Parameters(index = "0", paramLabel = "VIDEO", description = "the video file")
    Path video;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "clips",
            description = "where the clips and report.json go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5", description = "clips to render, 1–50 (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--min-seconds", paramLabel = "S", defaultValue = "15", description = "shortest clip (default: ${DEFAULT-VALUE})")
    int minSeconds;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "60", description = "longest clip, at most 180 (default: ${DEFAULT-VALUE})")
    int maxSeconds;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "CENTER_CROP",
            description = "CENTER_CROP, BLURRED_FIT or FOLLOW_ACTION (default: ${DEFAULT-VALUE})")
    Layout layout;

    @Option(names = "--preview", description = "720×1280 instead of 1080×1920: faster")
    boolean preview;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "clips rendered at once (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--detector", paramLabel = "auto|local|ai", defaultValue = "auto",
            description = "who finds the moments: auto is Gemini when TRUSS_GEMINI_KEY is set, else the local detector"
                    + " (default: ${DEFAULT-VALUE})")
    DetectorChoice detector;

    @Mixin
    GeminiOptions gemini;

    @Option(names = "--ffmpeg", paramLabel = "DIR",
            description = "a folder with ffmpeg and ffprobe (env TRUSS_FFMPEG_DIR; default: the bundled build)")
    Optional<Path> ffmpegDirectory;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(video)) {
            err.println("truss: " + video + " is not a file");
            return 2;
        }
        if (count < 1 || count > ClipVideo.MAX_CLIPS || threads < 1) {
            err.println("truss: --count takes 1–" + ClipVideo.MAX_CLIPS + " and --threads at least 1");
            return 2;
        }
        SelectionPolicy policy = new SelectionPolicy(count, minSeconds * 1_000L, maxSeconds * 1_000L,
                SelectionPolicy.defaults().snapToleranceMs());
        Optional<ServeSettings.Gemini> ai = detector == DetectorChoice.LOCAL ? Optional.empty()
                : gemini.fromEnvironment(environment);
        if (detector == DetectorChoice.AI && ai.isEmpty()) {
            err.println("truss: --detector ai needs a Gemini key in TRUSS_GEMINI_KEY");
            return 2;
        }
        Ffmpeg ffmpeg = Ffmpeg.locate(ffmpegDirectory);
        MomentDetector local = new LocalMomentDetector(policy);
        try (GeminiMomentDetector model = ai.map(g -> new GeminiMomentDetector(g.adapterSettings(),
                new FfmpegVideoParts(ffmpeg), local)).orElse(null)) {
            return clip(ffmpeg, policy, model == null ? local : model, err);
        }
    }

    private int clip(Ffmpeg ffmpeg, SelectionPolicy policy, MomentDetector moments, PrintWriter err) throws Exception {
        ClipVideo clipVideo = new ClipVideo(new FfprobeMediaProbe(ffmpeg), new FfmpegSignalExtractor(ffmpeg),
                moments, new FfmpegClipRenderer(ffmpeg), new ViralityScorer(), threads);
        Path directory = out.toAbsolutePath();
        Files.createDirectories(directory);
        ClipVideo.Command command = new ClipVideo.Command(video.toAbsolutePath().toUri(), count, policy, layout,
                preview ? ClipRenderer.Quality.PREVIEW : ClipRenderer.Quality.FULL, directory);
        Outcome<ClipVideo.Report> outcome;
        try (TerminalProgress progress = new TerminalProgress(err, System.console() != null)) {
            outcome = clipVideo.execute(command, progress);
        }
        if (!(outcome instanceof Outcome.Ok<ClipVideo.Report> ok)) {
            err.println("truss: " + video + ": " + message(outcome));
            return 1;
        }
        Path report = ClipReport.write(directory, video, ok.value());
        PrintWriter stdout = spec.commandLine().getOut();
        for (ClipVideo.RenderedClip clip : ok.value().clips()) {
            stdout.printf("%2d. score %3d  %s  %s  %s%n", clip.rank(), clip.score().value(), ClipReport.times(clip.range()),
                    directory.relativize(clip.video()), clip.title());
        }
        ok.value().notes().forEach(note -> stdout.println("note: " + note));
        stdout.println("report: " + report);
        return 0;
    }

    private static String message(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> rejected) {
            return rejected.message();
        }
        if (outcome instanceof Outcome.NotFound<?> notFound) {
            return notFound.message();
        }
        return ((Outcome.Conflict<?>) outcome).message();
    }
}
