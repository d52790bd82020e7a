package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Runs ffmpeg or ffprobe once: arguments as a list (never a shell string), a deadline, stderr
 * kept (its tail goes into the error a user sees), and, for ffmpeg, progress read from
 * {@code -progress pipe:1}. Interrupting the calling thread cancels the run: the process is
 * killed. Output files are the caller's business; only ffprobe's small JSON is read into memory.
 */
public final class FfmpegRun {

    private static final int STDERR_TAIL = 4_000;

    /** Processes still running, stopped when the JVM shuts down so no ffmpeg outlives its server. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "ffmpeg-stop"));
    }

    /** What a finished run printed: stdout (ffprobe's answer) and the tail of stderr. */
    public record Output(String stdout, String stderrTail) {
    }

    private final Ffmpeg ffmpeg;

    public FfmpegRun(Ffmpeg ffmpeg) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
    }

    /** Runs ffprobe and returns what it printed; a non-zero exit is a {@link MediaException}. */
    public Output probe(List<String> arguments, Duration timeout) {
        return run(ffmpeg.ffprobe(), arguments, timeout, null);
    }

    /**
     * Runs ffmpeg with {@code -progress pipe:1 -nostats} added; {@code processedMicros} hears how
     * far into its output timeline it got. A non-zero exit is a {@link MediaException}.
     */
    public Output transcode(List<String> arguments, Duration timeout, LongConsumer processedMicros) {
        List<String> withProgress = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-progress", "pipe:1",
                "-nostats"));
        withProgress.addAll(arguments);
        return run(ffmpeg.ffmpeg(), withProgress, timeout, Objects.requireNonNull(processedMicros, "progress"));
    }

    private Output run(Path executable, List<String> arguments, Duration timeout, LongConsumer progress) {
        Process process;
        try {
            process = ffmpeg.command(executable, arguments).start();
        } catch (IOException e) {
            throw new MediaException("could not start " + executable + ": " + e.getMessage(), e);
        }
        RUNNING.add(process);
        // Both streams are read on their own threads, so this thread only waits: interruptible,
        // and bounded by the deadline.
        StderrTail stderr = new StderrTail(process.getErrorStream());
        StringBuilder stdout = new StringBuilder();
        Thread stderrReader = daemon("ffmpeg-stderr", stderr);
        Thread stdoutReader = daemon("ffmpeg-stdout", () -> read(process.getInputStream(), progress, stdout));
        String name = executable.getFileName().toString();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MediaException(name + " did not finish within " + timeout.toSeconds() + " s and was stopped");
            }
            stdoutReader.join(5_000);
            stderrReader.join(5_000);
            if (process.exitValue() != 0) {
                throw new MediaException(name + " failed (exit " + process.exitValue() + "): " + stderr.tail().strip());
            }
            synchronized (stdout) {
                return new Output(stdout.toString(), stderr.tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(name + " was cancelled", e);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            RUNNING.remove(process);
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * With {@code progress}, reads ffmpeg's {@code key=value} progress blocks ({@code out_time_us}
     * is the output time written so far); without, keeps what was printed (ffprobe's JSON).
     */
    private static void read(InputStream stream, LongConsumer progress, StringBuilder stdout) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (progress == null) {
                    synchronized (stdout) {
                        stdout.append(line).append('\n');
                    }
                } else if (line.startsWith("out_time_us=")) {
                    String value = line.substring("out_time_us=".length()).trim();
                    if (value.matches("\\d+")) {
                        progress.accept(Long.parseLong(value));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended or was killed; its exit code tells what happened
        }
    }

    /** Keeps the last few thousand characters of stderr: enough to explain a failure, never the whole log. */
    private static final class StderrTail implements Runnable {
        private final InputStream stream;
        private final StringBuilder tail = new StringBuilder();

        StderrTail(InputStream stream) {
            this.stream = stream;
        }

        @Override
        public void run() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (tail) {
                        tail.append(line).append('\n');
                        if (tail.length() > STDERR_TAIL * 2) {
                            tail.delete(0, tail.length() - STDERR_TAIL);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }

        String tail() {
            synchronized (tail) {
                return tail.length() > STDERR_TAIL ? tail.substring(tail.length() - STDERR_TAIL) : tail.toString();
            }
        }
    }
}
