package dev.truss.bootstrap.cli;

import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegClipRenderer;
import dev.truss.adapters.media.FfmpegSignalExtractor;
import dev.truss.adapters.media.FfprobeMediaProbe;
import dev.truss.application.common.Outcome;
import dev.truss.application.detect.ClipVideo;
import dev.truss.application.detect.LocalMomentDetector;
import dev.truss.application.port.media.ClipRenderer;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.virality.ViralityScorer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code truss clip VIDEO}: the local detector finds the moments, the best are rendered as
 * vertical clips, and {@code report.json} says why each scored what it did. No account needed.
 */
@Command(name = "clip", mixinStandardHelpOptions = true,
        description = "Find the best moments of a video and render them as 9:16 clips, with a JSON report.")
final class ClipCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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
        Ffmpeg ffmpeg = Ffmpeg.locate(ffmpegDirectory);
        ClipVideo clipVideo = new ClipVideo(new FfprobeMediaProbe(ffmpeg), new FfmpegSignalExtractor(ffmpeg),
                new LocalMomentDetector(policy), new FfmpegClipRenderer(ffmpeg), new ViralityScorer(), threads);
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
