package dev.truss.bootstrap.cli;

import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegRun;
import dev.truss.adapters.media.SampleVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code truss sample-video}: a demo video to try {@code truss clip} on, made by the bundled FFmpeg. */
@Command(name = "sample-video", mixinStandardHelpOptions = true,
        description = "Write a 90 s demo video with planted moments (cuts, silences, a loud stretch).")
final class SampleVideoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", defaultValue = "sample.mp4", description = "where to write it (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--width", defaultValue = "960", description = "picture width, even (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "540", description = "picture height, even (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--ffmpeg", paramLabel = "DIR", description = "a folder with ffmpeg and ffprobe (env TRUSS_FFMPEG_DIR; default: the bundled build)")
    Optional<Path> ffmpegDirectory;

    @Override
    public Integer call() throws Exception {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            spec.commandLine().getErr().println("truss: width and height must be even numbers of at least 16 pixels");
            return 2;
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        spec.commandLine().getErr().println("writing " + file + " with FFmpeg (half a minute or so)…");
        SampleVideo.write(new FfmpegRun(Ffmpeg.locate(ffmpegDirectory)), file, width, height);
        spec.commandLine().getOut().println(file + ": " + SampleVideo.describe());
        return 0;
    }
}
