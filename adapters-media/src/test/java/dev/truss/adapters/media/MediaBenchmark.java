package dev.truss.adapters.media;

import dev.truss.application.port.media.ClipRenderer.Quality;
import dev.truss.application.port.media.ClipRenderer.Request;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.time.TimeRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The media figures, printed (run {@code bench/media}; not a test). On one machine, in one run,
 * measurements alternating (and which side goes first, too) so load hits both sides alike,
 * medians of {@link #ROUNDS}:
 * <ol>
 *   <li>a 30 s 1080×1920 clip through the renderer vs the plain ffmpeg command with the same
 *       arguments (target ratio ≤ 1.05; the renderer also writes a thumbnail);
 *   <li>the same clip cut from a 1-minute and from a 30-minute source (target ≤ 1.1);
 *   <li>signal extraction of a 1080p video vs a plain decode of it (target ≤ 1.3), and its speed
 *       as a multiple of real time.
 * </ol>
 * Wall time and the CPU time of the ffmpeg processes are both printed: CPU time is what load on
 * a shared machine disturbs least.
 */
public final class MediaBenchmark {

    private static final int ROUNDS = 4;
    private static final Path DIRECTORY = Path.of("target", "bench-media").toAbsolutePath();

    private record Timing(long wallMs, long cpuMs) {
    }

    private MediaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(DIRECTORY);
        Ffmpeg ffmpeg = Ffmpeg.locate(Optional.empty());
        FfmpegRun run = new FfmpegRun(ffmpeg);
        Path minute = oneMinuteSource(run);
        Path halfHour = halfHourSource(run, minute);
        FfprobeMediaProbe probe = new FfprobeMediaProbe(ffmpeg);
        VideoProperties minuteVideo = playable(probe, minute);
        VideoProperties halfHourVideo = playable(probe, halfHour);
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(ffmpeg);
        TimeRange early = new TimeRange(15_000, 45_000);
        TimeRange late = new TimeRange(20 * 60_000 + 15_000, 20 * 60_000 + 45_000);
        Path out = Files.createDirectories(DIRECTORY.resolve("out"));
        List<String> plain = plainRenderArguments(minute, minuteVideo, early, out.resolve("plain.mp4"));
        System.out.println("plain command: ffmpeg " + String.join(" ", plain));

        List<Timing> truss = new ArrayList<>();
        List<Timing> direct = new ArrayList<>();
        List<Timing> fromHalfHour = new ArrayList<>();
        Runnable trussRender = () -> renderer.render(new Request(minute.toUri(), minuteVideo, early,
                Layout.CENTER_CROP, List.of(), Quality.FULL, out), percent -> { });
        Runnable plainRender = () -> run.transcode(plain, Duration.ofMinutes(10), micros -> { });
        for (int round = 0; round < ROUNDS; round++) {
            // Odd rounds run plain ffmpeg first, so neither side always follows the other.
            if (round % 2 == 0) {
                truss.add(time(trussRender));
                direct.add(time(plainRender));
            } else {
                direct.add(time(plainRender));
                truss.add(time(trussRender));
            }
            fromHalfHour.add(time(() -> renderer.render(new Request(halfHour.toUri(), halfHourVideo, late,
                    Layout.CENTER_CROP, List.of(), Quality.FULL, out), percent -> { })));
            System.out.printf("round %d: truss %s, plain %s, from 30 min %s%n", round + 1, truss.get(round),
                    direct.get(round), fromHalfHour.get(round));
        }

        FfmpegSignalExtractor extractor = new FfmpegSignalExtractor(ffmpeg);
        List<Timing> signals = new ArrayList<>();
        List<Timing> decode = new ArrayList<>();
        Runnable extract = () -> extractor.extract(minute.toUri(), minuteVideo, percent -> { });
        Runnable plainDecode = () -> run.transcode(List.of("-i", minute.toString(), "-f", "null", "-"),
                Duration.ofMinutes(10), micros -> { });
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                signals.add(time(extract));
                decode.add(time(plainDecode));
            } else {
                decode.add(time(plainDecode));
                signals.add(time(extract));
            }
            System.out.printf("round %d: signals %s, plain decode %s%n", round + 1, signals.get(round),
                    decode.get(round));
        }

        System.out.println();
        System.out.println("figure                                          wall (median)   ffmpeg CPU (median)   target");
        row("30 s 1080x1920 clip: truss / plain ffmpeg", truss, direct, "<= 1.05");
        row("same clip: from 30 min source / from 1 min", fromHalfHour, truss, "<= 1.1");
        row("signals of 1080p 60 s / plain decode", signals, decode, "<= 1.3");
        System.out.printf("signal extraction speed: %.1f× real time (60 s of 1080p in %.1f s)%n",
                60_000.0 / median(signals, true), median(signals, true) / 1000.0);
    }

    private static void row(String what, List<Timing> measured, List<Timing> reference, String target) {
        System.out.printf("%-46s %6.2f (%.1f / %.1f s)   %6.2f (%.1f / %.1f s)   %s%n", what,
                median(measured, true) / median(reference, true), median(measured, true) / 1000.0,
                median(reference, true) / 1000.0, median(measured, false) / median(reference, false),
                median(measured, false) / 1000.0, median(reference, false) / 1000.0, target);
    }

    private static double median(List<Timing> timings, boolean wall) {
        long[] values = timings.stream().mapToLong(timing -> wall ? timing.wallMs() : timing.cpuMs()).toArray();
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }

    /** What the renderer runs for a centre-cropped full clip: its own plan, so the settings are the same. */
    private static List<String> plainRenderArguments(Path source, VideoProperties video, TimeRange range, Path output) {
        RenderSettings settings = RenderSettings.defaults();
        String rate = RenderPlan.frameRate(video.framesPerSecond(), settings.maxFramesPerSecond());
        String graph = RenderPlan.videoGraph(Layout.CENTER_CROP, RenderPlan.videoSize(Quality.FULL), rate,
                Optional.empty(), List.of()) + ";" + RenderPlan.audioGraph(video.hasAudio());
        return RenderPlan.renderArguments(source.toUri(), range.startMs(), range.durationMs(), graph, settings,
                java.util.OptionalDouble.of(range.durationMs() / 2000.0), output);
    }

    private static Timing time(Runnable work) throws Exception {
        // Rendering is I/O too: flush what earlier runs wrote, so no run pays for another's writes.
        new ProcessBuilder("sync").inheritIO().start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        long cpu = childrenCpuMs();
        long started = System.nanoTime();
        work.run();
        return new Timing((System.nanoTime() - started) / 1_000_000, childrenCpuMs() - cpu);
    }

    /** CPU time of this JVM's finished children (the ffmpeg runs): cutime + cstime of /proc/self/stat, in 10 ms ticks. */
    private static long childrenCpuMs() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
    }

    private static VideoProperties playable(FfprobeMediaProbe probe, Path file) {
        return ((dev.truss.application.port.media.MediaProbe.Playable) probe.probe(file.toUri())).video();
    }

    /** 60 s of 1920×1080 at 30 fps (testsrc2 moves everywhere) with a tone; a keyframe every 2 s. */
    private static Path oneMinuteSource(FfmpegRun run) throws Exception {
        Path target = DIRECTORY.resolve("source-1080p-60s.mp4");
        if (!Files.isRegularFile(target)) {
            Path part = DIRECTORY.resolve("source-1080p-60s.part.mp4");
            run.transcode(List.of("-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=60",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=60",
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-g", "60", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-b:a", "128k", "-shortest", part.toString()), Duration.ofMinutes(10), micros -> { });
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** The minute looped 30 times without re-encoding: the same content, a source 30 times as long. */
    private static Path halfHourSource(FfmpegRun run, Path minute) throws Exception {
        Path target = DIRECTORY.resolve("source-1080p-30min.mp4");
        if (!Files.isRegularFile(target)) {
            Path part = DIRECTORY.resolve("source-1080p-30min.part.mp4");
            run.transcode(List.of("-stream_loop", "29", "-i", minute.toString(), "-c", "copy", part.toString()),
                    Duration.ofMinutes(10), micros -> { });
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }
}
