package dev.truss.adapters.media;

import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Small test files made with FFmpeg once per JVM (in a temporary folder deleted when the JVM
 * ends), each the first time a test asks for it: a video with events planted at known times,
 * variants of it, and files that are not playable videos. All of it takes about a second.
 *
 * <p>{@link #planted()}: 12.4 s, 320×180 at 25 fps, H.264 and AAC (48 kHz mono) in MP4, moov at
 * the end. Picture: SMPTE bars (still) 0–3.6 s, a white square sliding over dark blue 3.6–7.6 s,
 * still yellow 7.6–12.4 s; so hard cuts at 3.6 s and 7.6 s, motion only in between. Sound: a
 * 440 Hz tone at −24 dBFS peak, 20 dB louder (−4 dBFS) over 5–8 s, and digital silence over
 * 2.5–4.0 s and 9.3–10.5 s.
 */
final class TestVideos {

    static final long PLANTED_DURATION_MS = 12_400;
    static final int PLANTED_WIDTH = 320;
    static final int PLANTED_HEIGHT = 180;
    static final int PLANTED_FPS = 25;
    static final List<Long> PLANTED_CUTS_MS = List.of(3_600L, 7_600L);
    static final List<TimeRange> PLANTED_SILENCES = List.of(new TimeRange(2_500, 4_000), new TimeRange(9_300, 10_500));
    /** The seconds of the loud tone: [5 s, 8 s). */
    static final List<Integer> PLANTED_LOUD_SECONDS = List.of(5, 6, 7);
    /** The square slides over [3.6 s, 7.6 s); these seconds lie wholly inside. */
    static final List<Integer> PLANTED_MOVING_SECONDS = List.of(4, 5, 6);
    /** Seconds of still picture, away from the cuts. */
    static final List<Integer> PLANTED_STILL_SECONDS = List.of(0, 1, 2, 9, 10, 11);

    private static final Ffmpeg FFMPEG = Ffmpeg.locate(Optional.empty());
    private static final Map<String, Path> MADE = new HashMap<>();
    private static Path directory;

    private TestVideos() {
    }

    static Ffmpeg ffmpeg() {
        return FFMPEG;
    }

    /** The video with planted events described above. */
    static synchronized Path planted() {
        return made("planted.mp4", file -> ffmpeg(List.of(
                "-filter_complex",
                "smptebars=size=320x180:rate=25:duration=3.6[bars];"
                        + "color=c=0x102040:size=320x180:rate=25:duration=4[ground];"
                        + "color=c=white:size=48x48:rate=25:duration=4[square];"
                        + "[ground][square]overlay=x='10+t*60':y='30+t*15':shortest=1[sliding];"
                        + "color=c=0xE0C020:size=320x180:rate=25:duration=4.8[yellow];"
                        + "[bars][sliding][yellow]concat=n=3:v=1:a=0,format=yuv420p[v];"
                        + "aevalsrc=exprs='(0.063+0.567*between(t\\,5\\,8))*(1-between(t\\,2.5\\,4))"
                        + "*(1-between(t\\,9.3\\,10.5))*sin(2*PI*440*t)':sample_rate=48000:duration=12.4[a]",
                "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-g", "50",
                "-c:a", "aac", "-b:a", "64k", file.toString())));
    }

    /** {@link #planted()} without its sound. */
    static synchronized Path withoutAudio() {
        return made("without-audio.mp4", file -> ffmpeg(List.of("-i", planted().toString(), "-map", "0:v", "-c",
                "copy", file.toString())));
    }

    /** {@link #planted()} marked to be shown turned 90° clockwise, as a phone filming upright does. */
    static synchronized Path rotated() {
        // -display_rotation turns counter-clockwise: 270 ccw = 90 clockwise
        return made("rotated.mp4", file -> ffmpeg(List.of("-display_rotation", "270", "-i", planted().toString(),
                "-c", "copy", file.toString())));
    }

    /**
     * A phone-like clip: 3.5 s, stored 320×180 at 60 fps and marked to be shown turned 90°
     * (portrait), with 44.1 kHz stereo sound; a moving test pattern, hard cut to still bars at 2 s.
     */
    static synchronized Path phone() {
        // -display_rotation is an input option: mark the clip while copying it
        return made("phone.mp4", file -> ffmpeg(List.of("-display_rotation", "90", "-i", landscapePhone().toString(),
                "-c", "copy", file.toString())));
    }

    private static Path landscapePhone() {
        return made("phone-landscape.mp4", file -> ffmpeg(List.of(
                "-filter_complex",
                "testsrc2=size=320x180:rate=60:duration=2[pattern];"
                        + "smptebars=size=320x180:rate=60:duration=1.5[bars];"
                        + "[pattern][bars]concat=n=2:v=1:a=0,format=yuv420p[v];"
                        + "sine=frequency=330:sample_rate=44100:duration=3.5,aformat=channel_layouts=stereo[a]",
                "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "96k",
                file.toString())));
    }

    /**
     * 4 s of 1280×720 at 30 fps, a test pattern moving everywhere, with a 440 Hz tone (AAC
     * 128 kb/s stereo) and a GPS location in its metadata, as a phone writes it.
     */
    static synchronized Path hd() {
        return made("hd.mp4", file -> ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=4",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=4",
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", "23", "-g", "60", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-metadata", "location=+48.8584+002.2945/",
                file.toString())));
    }

    /** {@link #planted()} with its index (moov) first, as for streaming. */
    static synchronized Path fastStart() {
        return made("fast-start.mp4", file -> ffmpeg(List.of("-i", planted().toString(), "-c", "copy", "-movflags",
                "+faststart", file.toString())));
    }

    /** The first half of {@link #planted()}: the index, written last, is missing. */
    static synchronized Path truncated() {
        return made("truncated.mp4", file -> firstPart(planted(), file, 0.5));
    }

    /** The first 60 % of {@link #fastStart()}: the index is whole, the data it points to is not. */
    static synchronized Path truncatedFastStart() {
        return made("truncated-fast-start.mp4", file -> firstPart(fastStart(), file, 0.6));
    }

    /** 3 s of a tone in AAC in M4A. */
    static synchronized Path audioOnly() {
        return made("tone.m4a", file -> ffmpeg(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                "-c:a", "aac", "-b:a", "64k", file.toString())));
    }

    /** {@link #audioOnly()} with album art: a PNG video stream marked as an attached picture. */
    static synchronized Path audioWithCoverArt() {
        return made("tone-with-cover.m4a", file -> ffmpeg(List.of("-i", audioOnly().toString(), "-i",
                image().toString(), "-map", "0", "-map", "1", "-c", "copy", "-disposition:v:0", "attached_pic",
                file.toString())));
    }

    /** A PNG picture. */
    static synchronized Path image() {
        return made("picture.png", file -> ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=size=320x180",
                "-frames:v", "1", file.toString())));
    }

    /** A GIF of a single frame: a video format holding a picture. */
    static synchronized Path stillGif() {
        return made("still.gif", file -> ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=size=160x90", "-frames:v", "1",
                file.toString())));
    }

    /** A JPEG picture named like a video. */
    static synchronized Path jpegNamedLikeAVideo() {
        return made("photo.mp4", file -> ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=size=320x180", "-frames:v", "1",
                "-c:v", "mjpeg", "-f", "image2", file.toString())));
    }

    /** 4 KiB of (seeded) random bytes, named like a video. */
    static synchronized Path randomBytes() {
        return made("random.mp4", file -> {
            byte[] bytes = new byte[4096];
            new Random(20_261_127).nextBytes(bytes);
            write(file, bytes);
        });
    }

    /** A file of zero bytes, named like a video. */
    static synchronized Path empty() {
        return made("empty.mp4", file -> write(file, new byte[0]));
    }

    private static Path made(String name, Consumer<Path> maker) {
        Path existing = MADE.get(name);
        if (existing != null) {
            return existing;
        }
        Path file = directory().resolve(name);
        maker.accept(file);
        MADE.put(name, file);
        return file;
    }

    private static void ffmpeg(List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("-v", "error"));
        all.addAll(arguments);
        new FfmpegRun(FFMPEG).transcode(all, Duration.ofSeconds(60), micros -> { });
    }

    private static void firstPart(Path whole, Path part, double share) {
        try (InputStream in = Files.newInputStream(whole); OutputStream out = Files.newOutputStream(part)) {
            out.write(in.readNBytes((int) (Files.size(whole) * share)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("truss-test-videos-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = directory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteAll(created)));
        }
        return directory;
    }

    private static void deleteAll(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // the system's temporary folder is cleaned some day anyway
        }
    }
}
