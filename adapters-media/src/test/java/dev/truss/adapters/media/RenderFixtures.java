package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.domain.asset.VideoProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small sample videos made with the bundled FFmpeg (once, into {@code target/render-fixtures}),
 * a test-only probe built on ffprobe's JSON, and the checks a rendered clip is held to.
 *
 * <p>The samples are dark, with a white box that moves, so motion and captions can be told
 * apart by brightness: {@link #landscape()} keeps its box on the left for the first 5 s, then on
 * the right.
 */
final class RenderFixtures {

    private static final Path DIRECTORY = Path.of("target", "render-fixtures").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String BACKGROUND = "0x203040";
    private static Ffmpeg ffmpeg;

    private RenderFixtures() {
    }

    static synchronized Ffmpeg ffmpeg() {
        if (ffmpeg == null) {
            ffmpeg = Ffmpeg.locate(Optional.empty());
        }
        return ffmpeg;
    }

    static FfmpegRun run() {
        return new FfmpegRun(ffmpeg());
    }

    /** 640×360 at 30 fps, 12 s, a 440 Hz tone; the box is at x≈40–150 until 5 s, then at x≈480–580. */
    static Path landscape() {
        return sample("landscape-v1.mp4", 640, 360, "30", 12, true,
                "if(lt(t,5),70+20*sin(2*PI*t),500+20*sin(2*PI*t))", "150+60*sin(PI*t)", "");
    }

    /** 360×640 at 25 fps, 6 s, with sound; the box moves in the top third only. */
    static Path portrait() {
        return sample("portrait-v1.mp4", 360, 640, "25", 6, true, "150+100*sin(2*PI*t/3)", "80+40*sin(PI*t)", "");
    }

    /**
     * Stored 640×360 with a bright bar along the top 40 rows, shown rotated by 90° (display
     * matrix), so it displays as 360×640 with the bar down one side.
     */
    static Path rotated() {
        Path target = DIRECTORY.resolve("rotated-v1.mp4");
        synchronized (RenderFixtures.class) {
            if (Files.isRegularFile(target)) {
                return target;
            }
            Path stored = sample("rotated-stored-v1.mp4", 640, 360, "30", 6, true, "300+100*sin(2*PI*t/3)",
                    "200+40*sin(PI*t)", ",drawbox=x=0:y=0:w=iw:h=40:color=white:t=fill");
            make(target, List.of("-display_rotation", "90", "-i", "file:" + stored, "-c", "copy"));
            return target;
        }
    }

    /** 480×360 (4:3) at 24 fps, 6 s, without an audio track. */
    static Path silent() {
        return sample("silent-v1.mp4", 480, 360, "24", 6, false, "200+150*sin(2*PI*t/4)", "150", "");
    }

    /** 320×240 at 120 fps, 3 s, without sound: a frame rate above the cap. */
    static Path fast() {
        return sample("fast-v1.mp4", 320, 240, "120", 3, false, "100+60*sin(2*PI*t)", "90", "");
    }

    /** 320×240 at 30 fps whose picture lasts 5 s and its sound 5.5 s: the container says 5.5 s. */
    static Path shortPicture() {
        Path target = DIRECTORY.resolve("short-picture-v1.mp4");
        synchronized (RenderFixtures.class) {
            if (!Files.isRegularFile(target)) {
                make(target, List.of("-f", "lavfi", "-i", "testsrc=s=320x240:r=30:d=5",
                        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5.5",
                        "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-c:a", "aac", "-b:a", "64k"));
            }
            return target;
        }
    }

    /** Random bytes named like a video. */
    static Path undecodable() {
        Path target = DIRECTORY.resolve("undecodable.mp4");
        synchronized (RenderFixtures.class) {
            try {
                if (!Files.isRegularFile(target)) {
                    Files.createDirectories(DIRECTORY);
                    byte[] bytes = new byte[64 * 1024];
                    new Random(7).nextBytes(bytes);
                    Files.write(target, bytes);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return target;
    }

    private static Path sample(String name, int width, int height, String rate, int seconds, boolean audio,
                               String boxX, String boxY, String extraFilters) {
        Path target = DIRECTORY.resolve(name);
        synchronized (RenderFixtures.class) {
            if (Files.isRegularFile(target)) {
                return target;
            }
            int box = Math.max(40, height / 6);
            List<String> arguments = new ArrayList<>(List.of(
                    "-f", "lavfi", "-i", "color=c=" + BACKGROUND + ":s=" + width + "x" + height + ":r=" + rate + ":d="
                            + seconds,
                    "-f", "lavfi", "-i", "color=c=white:s=" + box + "x" + box + ":r=" + rate + ":d=" + seconds));
            if (audio) {
                arguments.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds));
            }
            arguments.addAll(List.of(
                    "-filter_complex", "[0:v][1:v]overlay=x='" + boxX + "':y='" + boxY + "'" + extraFilters
                            + ",format=yuv420p[v]",
                    "-map", "[v]"));
            if (audio) {
                arguments.addAll(List.of("-map", "2:a", "-c:a", "aac", "-b:a", "64k"));
            }
            // A keyframe a second, as cameras and phones write them, so seeking stays cheap.
            arguments.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-g", rate.equals("120") ? "120" : "30",
                    "-t", String.valueOf(seconds)));
            make(target, arguments);
            return target;
        }
    }

    private static void make(Path target, List<String> arguments) {
        try {
            Files.createDirectories(DIRECTORY);
            Path part = DIRECTORY.resolve(target.getFileName() + ".part");
            List<String> all = new ArrayList<>(arguments);
            all.addAll(List.of("-f", "mp4", "file:" + part));
            run().transcode(all, TIMEOUT, micros -> { });
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the test probe ------------------------------------------------------------------------

    /** The real probe: what a source's {@link VideoProperties} are is not the renderer's tests' business. */
    static MediaProbe probe() {
        return new FfprobeMediaProbe(ffmpeg());
    }

    static VideoProperties properties(Path file) {
        MediaProbe.Result result = probe().probe(file.toUri());
        if (!(result instanceof MediaProbe.Playable)) {
            throw new IllegalStateException(file + " is not playable: " + result);
        }
        return ((MediaProbe.Playable) result).video();
    }

    private static JsonNode stream(JsonNode root, String type) {
        JsonNode streams = root.path("streams");
        for (int index = 0; index < streams.size(); index++) {
            if (type.equals(streams.path(index).path("codec_type").asString(""))) {
                return streams.path(index);
            }
        }
        return null;
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
        return denominator == 0 ? 0 : Double.parseDouble(parts[0]) / denominator;
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asString("0"));
    }

    // ---- checks on what was rendered -----------------------------------------------------------

    /** What ffprobe says of a rendered clip. */
    record Clip(String videoCodec, String profile, String pixelFormat, int width, int height, String sampleAspect,
                double framesPerSecond, double videoSeconds, long frames, String audioCodec, int channels,
                int sampleRate, double audioSeconds, boolean rotated) {
    }

    static Clip inspect(Path file) {
        JsonNode root = JSON.readTree(run().probe(List.of("-v", "error", "-count_frames", "-print_format", "json",
                "-show_format", "-show_streams", "file:" + file), TIMEOUT).stdout());
        JsonNode video = stream(root, "video");
        JsonNode audio = stream(root, "audio");
        if (video == null) {
            throw new AssertionError(file + " has no video stream");
        }
        boolean rotated = false;
        JsonNode sideData = video.path("side_data_list");
        for (int index = 0; index < sideData.size(); index++) {
            rotated |= !sideData.path(index).path("rotation").isMissingNode() && number(sideData.path(index)
                    .path("rotation")) != 0;
        }
        return new Clip(video.path("codec_name").asString(""), video.path("profile").asString(""),
                video.path("pix_fmt").asString(""), video.path("width").asInt(), video.path("height").asInt(),
                video.path("sample_aspect_ratio").asString(""), rate(video.path("r_frame_rate").asString("0/1")),
                number(video.path("duration")), Long.parseLong(video.path("nb_read_frames").asString("0")),
                audio == null ? "" : audio.path("codec_name").asString(""),
                audio == null ? 0 : audio.path("channels").asInt(),
                audio == null ? 0 : Integer.parseInt(audio.path("sample_rate").asString("0")),
                audio == null ? 0 : number(audio.path("duration")), rotated);
    }

    /** The MP4's top-level boxes in file order, up to and including {@code mdat}. */
    static List<String> topLevelBoxes(Path file) throws IOException {
        List<String> boxes = new ArrayList<>();
        long size = Files.size(file);
        try (var channel = Files.newByteChannel(file)) {
            long offset = 0;
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(16);
            while (offset + 8 <= size) {
                header.clear();
                channel.position(offset);
                channel.read(header);
                header.flip();
                long boxSize = header.getInt() & 0xffffffffL;
                byte[] type = new byte[4];
                header.get(type);
                String name = new String(type, java.nio.charset.StandardCharsets.ISO_8859_1);
                boxes.add(name);
                if (boxSize == 1) {
                    boxSize = header.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - offset;
                }
                if (name.equals("mdat") || boxSize < 8) {
                    break;
                }
                offset += boxSize;
            }
        }
        return boxes;
    }

    /** Width and height of a JPEG, from its first start-of-frame marker; fails when the file is no JPEG. */
    static int[] jpegSize(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if ((bytes[0] & 0xff) != 0xFF || (bytes[1] & 0xff) != 0xD8) {
            throw new AssertionError(file + " does not start like a JPEG");
        }
        int offset = 2;
        while (offset + 9 < bytes.length) {
            if ((bytes[offset] & 0xff) != 0xFF) {
                throw new AssertionError("broken JPEG marker at " + offset);
            }
            int marker = bytes[offset + 1] & 0xff;
            int length = ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
            if (marker >= 0xC0 && marker <= 0xC3) {
                int height = ((bytes[offset + 5] & 0xff) << 8) | (bytes[offset + 6] & 0xff);
                int width = ((bytes[offset + 7] & 0xff) << 8) | (bytes[offset + 8] & 0xff);
                return new int[] {width, height};
            }
            offset += 2 + length;
        }
        throw new AssertionError(file + " has no start-of-frame marker");
    }

    /** One frame of {@code video} at {@code seconds}, as {@code width × height} gray bytes (row by row). */
    static byte[] grayFrame(Path video, double seconds, int width, int height) throws IOException {
        Path raw = Files.createTempFile("truss-frame-", ".gray");
        try {
            run().transcode(List.of("-ss", String.format(java.util.Locale.ROOT, "%.3f", seconds), "-i", "file:" + video,
                    "-frames:v", "1", "-vf", "scale=" + width + ":" + height + ":flags=area,format=gray", "-f", "rawvideo",
                    "-pix_fmt", "gray", "file:" + raw), TIMEOUT, micros -> { });
            try (InputStream in = Files.newInputStream(raw)) {
                return in.readNBytes(width * height);
            }
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** Mean brightness (0–255) of the rows {@code fromRow} to {@code toRow} (exclusive) of a gray frame. */
    static double meanBrightness(byte[] frame, int width, int fromRow, int toRow) {
        long sum = 0;
        for (int row = fromRow; row < toRow; row++) {
            for (int column = 0; column < width; column++) {
                sum += frame[row * width + column] & 0xff;
            }
        }
        return sum / (double) ((toRow - fromRow) * width);
    }

    /** Mean brightness of one column of a gray frame. */
    static double columnBrightness(byte[] frame, int width, int height, int column) {
        long sum = 0;
        for (int row = 0; row < height; row++) {
            sum += frame[row * width + column] & 0xff;
        }
        return sum / (double) height;
    }
}
