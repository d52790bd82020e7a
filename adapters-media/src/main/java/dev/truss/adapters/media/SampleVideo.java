package dev.truss.adapters.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A 90-second demo video made by FFmpeg from test patterns, with moments planted where a
 * detector should find them: scene cuts at 30, 45, 60 and 75 s; silences at 20–25 s and
 * 50–55 s; a loud stretch at 40–50 s (around the cut at 45 s). {@code truss sample-video}
 * writes it, so a newcomer can try {@code truss clip} without a video of their own.
 */
public final class SampleVideo {

    public static final long DURATION_MS = 90_000;
    public static final List<Long> SCENE_CUTS_MS = List.of(30_000L, 45_000L, 60_000L, 75_000L);

    private SampleVideo() {
    }

    /** Writes the sample as an H.264/AAC MP4 of {@code width}×{@code height} (even numbers) to {@code target}. */
    public static void write(FfmpegRun ffmpeg, Path target, int width, int height) {
        String size = "size=" + width + "x" + height + ":rate=30";
        List<String> arguments = List.of(
                "-f", "lavfi", "-i", "testsrc2=" + size + ":duration=30",
                "-f", "lavfi", "-i", "smptehdbars=" + size + ":duration=15",
                "-f", "lavfi", "-i", "testsrc=" + size + ":duration=15",
                "-f", "lavfi", "-i", "rgbtestsrc=" + size + ":duration=15",
                "-f", "lavfi", "-i", "testsrc2=" + size + ":duration=15",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=90",
                "-filter_complex",
                "[0:v][1:v][2:v][3:v][4:v]concat=n=5:v=1:a=0,format=yuv420p[v];"
                        + "[5:a]volume='if(between(t,20,25)+between(t,50,55),0,if(between(t,40,50),1,0.12))'"
                        + ":eval=frame[a]",
                "-map", "[v]", "-map", "[a]",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "26",
                "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart",
                target.toString());
        ffmpeg.transcode(arguments, Duration.ofMinutes(10), any -> { });
    }

    /** How the sample's planted moments read, for a README or a test message. */
    public static String describe() {
        return String.format(Locale.ROOT, "90 s of test patterns: cuts at %s s, silences at 20–25 s and 50–55 s, "
                + "a loud stretch at 40–50 s", SCENE_CUTS_MS.stream().map(ms -> Long.toString(ms / 1000)).toList());
    }
}
