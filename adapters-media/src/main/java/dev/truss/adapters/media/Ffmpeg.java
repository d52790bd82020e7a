package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ffmpeg} and {@code ffprobe} executables Truss runs, and the environment they need.
 * Found in this order: a folder the user names ({@code --ffmpeg} or {@code TRUSS_FFMPEG_DIR}),
 * the build bundled from Maven Central ({@code org.bytedeco:ffmpeg}, GPL, with libx264), then
 * {@code PATH}. Each candidate is tried with {@code -version} before it is taken.
 */
public record Ffmpeg(Path ffmpeg, Path ffprobe, Map<String, String> environment) {

    public static final String DIRECTORY_VARIABLE = "TRUSS_FFMPEG_DIR";

    public Ffmpeg {
        environment = Map.copyOf(environment);
    }

    /** Finds a working FFmpeg, or throws a {@link MediaException} that says how to provide one. */
    public static Ffmpeg locate(Optional<Path> configuredDirectory) {
        List<String> tried = new ArrayList<>();
        Optional<Path> directory = configuredDirectory.or(() -> Optional.ofNullable(System.getenv(DIRECTORY_VARIABLE))
                .filter(value -> !value.isBlank()).map(Path::of));
        if (directory.isPresent()) {
            Ffmpeg named = inDirectory(directory.get());
            return named.works(tried).orElseThrow(() -> notFound(tried));
        }
        Optional<Ffmpeg> bundled = bundled(tried).flatMap(candidate -> candidate.works(tried));
        if (bundled.isPresent()) {
            return bundled.get();
        }
        return onPath().flatMap(candidate -> candidate.works(tried)).orElseThrow(() -> notFound(tried));
    }

    /** A process running this FFmpeg's {@code executable} with {@code arguments}, never through a shell. */
    public ProcessBuilder command(Path executable, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }

    private static Ffmpeg inDirectory(Path directory) {
        return new Ffmpeg(directory.resolve("ffmpeg"), directory.resolve("ffprobe"),
                Map.of("LD_LIBRARY_PATH", libraryPath(directory)));
    }

    /** The bundled executables need their own folder's shared libraries (and libpulse.so.0 from the system). */
    private static Optional<Ffmpeg> bundled(List<String> tried) {
        try {
            Path ffmpeg = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            Path ffprobe = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
            return Optional.of(new Ffmpeg(ffmpeg, ffprobe, Map.of("LD_LIBRARY_PATH", libraryPath(ffmpeg.getParent()))));
        } catch (RuntimeException | LinkageError e) {
            // Its usual cause: the system lacks libpulse.so.0, which the bundled libavdevice links to.
            tried.add("the bundled build, which did not load (" + e.getMessage() + "; is libpulse0 installed?)");
            return Optional.empty();
        }
    }

    private static Optional<Ffmpeg> onPath() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.isExecutable(Path.of(entry, "ffmpeg")) && Files.isExecutable(Path.of(entry, "ffprobe"))) {
                return Optional.of(new Ffmpeg(Path.of(entry, "ffmpeg"), Path.of(entry, "ffprobe"), Map.of()));
            }
        }
        return Optional.empty();
    }

    private Optional<Ffmpeg> works(List<String> tried) {
        for (Path executable : List.of(ffmpeg, ffprobe)) {
            try {
                Process process = command(executable, List.of("-version")).redirectErrorStream(true).start();
                process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    tried.add(executable + " -version failed");
                    return Optional.empty();
                }
            } catch (java.io.IOException e) {
                tried.add(executable + ": " + e.getMessage());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaException("interrupted while checking " + executable, e);
            }
        }
        return Optional.of(this);
    }

    private static String libraryPath(Path directory) {
        String existing = System.getenv("LD_LIBRARY_PATH");
        return existing == null || existing.isBlank() ? directory.toString() : directory + File.pathSeparator + existing;
    }

    private static MediaException notFound(List<String> tried) {
        return new MediaException("no working FFmpeg found (tried " + String.join("; ", tried) + "). Set "
                + DIRECTORY_VARIABLE + " (or --ffmpeg) to a folder holding ffmpeg and ffprobe, install libpulse0 so the "
                + "bundled build loads, or install FFmpeg on the PATH");
    }
}
