package dev.truss.adapters.media;

import dev.truss.application.port.media.ClipRenderer.Quality;
import dev.truss.application.port.media.ClipRenderer.Rendered;
import dev.truss.application.port.media.ClipRenderer.Request;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.time.TimeRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (its name does not end in Test): a 30 s 1080×1920 clip from a generated
 * 60 s 1080p source, through the renderer and through the plain ffmpeg command with the same
 * settings, alternately. Run it with
 * {@code mvn -B -o -pl domain,application,adapters-media verify -Dtest=FfmpegClipRendererBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FfmpegClipRendererBenchmark {

    private static final TimeRange RANGE = new TimeRange(15_000, 45_000);
    private static final int ROUNDS = 3;

    @Test
    void render_a_30_s_full_clip() throws Exception {
        Path source = source();
        VideoProperties video = RenderFixtures.properties(source);
        Path out = Files.createDirectories(Path.of("target", "render-benchmark").toAbsolutePath());
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(RenderFixtures.ffmpeg());
        RenderSettings settings = RenderSettings.defaults();
        String graph = RenderPlan.videoGraph(Layout.CENTER_CROP, RenderPlan.videoSize(Quality.FULL),
                RenderPlan.frameRate(video.framesPerSecond(), settings.maxFramesPerSecond()), Optional.empty(), List.of())
                + ";" + RenderPlan.audioGraph(video.hasAudio());
        List<String> plain = RenderPlan.renderArguments(source.toUri(), RANGE.startMs(), RANGE.durationMs(), graph,
                settings, out.resolve("plain.mp4"));
        List<String> command = new ArrayList<>(List.of(RenderFixtures.ffmpeg().ffmpeg().toString(), "-hide_banner",
                "-nostdin", "-y", "-loglevel", "error"));
        command.addAll(plain);
        System.out.println("plain command: " + command.stream().map(FfmpegClipRendererBenchmark::quoted)
                .collect(Collectors.joining(" ")));

        List<Long> rendererMs = new ArrayList<>();
        List<Long> plainMs = new ArrayList<>();
        List<Long> rendererCpuMs = new ArrayList<>();
        List<Long> plainCpuMs = new ArrayList<>();
        List<String> layouts = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long cpu = childrenCpuMs();
            long start = System.nanoTime();
            Rendered rendered = renderer.render(new Request(source.toUri(), video, RANGE, Layout.CENTER_CROP, List.of(),
                    Quality.FULL, out), percent -> { });
            rendererMs.add((System.nanoTime() - start) / 1_000_000);
            rendererCpuMs.add(childrenCpuMs() - cpu);
            System.out.println("renderer round " + round + ": " + rendererMs.get(round) + " ms wall, "
                    + rendererCpuMs.get(round) + " ms ffmpeg CPU, " + rendered.framing());

            cpu = childrenCpuMs();
            start = System.nanoTime();
            ProcessBuilder builder = RenderFixtures.ffmpeg().command(RenderFixtures.ffmpeg().ffmpeg(),
                    command.subList(1, command.size())).inheritIO();
            int exit = builder.start().waitFor();
            plainMs.add((System.nanoTime() - start) / 1_000_000);
            plainCpuMs.add(childrenCpuMs() - cpu);
            System.out.println("plain round " + round + ": " + plainMs.get(round) + " ms wall, " + plainCpuMs.get(round)
                    + " ms ffmpeg CPU (exit " + exit + ")");
        }
        for (Layout layout : List.of(Layout.BLURRED_FIT, Layout.FOLLOW_ACTION)) {
            long cpu = childrenCpuMs();
            long start = System.nanoTime();
            Rendered rendered = renderer.render(new Request(source.toUri(), video, RANGE, layout, List.of(),
                    Quality.FULL, out), percent -> { });
            layouts.add(layout + ": " + (System.nanoTime() - start) / 1_000_000 + " ms wall, "
                    + (childrenCpuMs() - cpu) + " ms ffmpeg CPU, " + rendered.framing());
        }
        System.out.println("load average before the end: " + Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.println("renderer (centre crop, with thumbnail): wall " + rendererMs + " ms, CPU " + rendererCpuMs
                + " ms; plain ffmpeg: wall " + plainMs + " ms, CPU " + plainCpuMs + " ms");
        layouts.forEach(System.out::println);
        System.out.println("plain output: " + RenderFixtures.inspect(out.resolve("plain.mp4")));
        try (Stream<Path> files = Files.list(out)) {
            files.filter(path -> path.getFileName().toString().startsWith("clip-")).findFirst()
                    .ifPresent(path -> System.out.println("renderer output: " + RenderFixtures.inspect(path)));
        }
        try (Stream<Path> files = Files.walk(out)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** 60 s of 1920×1080 at 30 fps (testsrc2, which moves everywhere) with a tone; a keyframe every 2 s. */
    private static Path source() throws Exception {
        Path target = Path.of("target", "render-fixtures", "benchmark-1080p-v1.mp4").toAbsolutePath();
        if (Files.isRegularFile(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        RenderFixtures.run().transcode(List.of("-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=60",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=60",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-g", "60", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-shortest", "-f", "mp4", "file:" + part),
                Duration.ofMinutes(10), micros -> { });
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** CPU time of this JVM's finished children (ffmpeg runs): cutime + cstime of /proc/self/stat. */
    private static long childrenCpuMs() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is the state (field 3); cutime and cstime are fields 16 and 17, in clock ticks of 10 ms.
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
    }

    private static String quoted(String argument) {
        return argument.matches("[A-Za-z0-9_./:+=-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }
}
