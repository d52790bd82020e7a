package dev.truss.adapters.media;

import dev.truss.application.port.media.ClipRenderer.Quality;
import dev.truss.application.port.media.MediaException;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Layout;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ffmpeg command lines of a render, as argument lists: the quick motion pass of FOLLOW_ACTION,
 * the render itself and its thumbnail. Pure functions of the request and the settings, so the
 * filter graphs can be read and tested without running anything.
 *
 * <p>Every layout crops or fits in the source's own pixels first and scales once to the output
 * size: a 1080p source is cropped to 608×1080 and scaled up, never scaled to 3413×1920 and then
 * cropped. Expressions use {@code iw}, {@code ih} and {@code sar} of the frames the graph really
 * gets (after FFmpeg's autorotation), so rotated and anamorphic sources come out right.
 */
final class RenderPlan {

    /** The output's sample rate and layout; every clip has this audio, silent if the source has none. */
    static final int SAMPLE_RATE = 48_000;

    /** Width and height in pixels. */
    record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "×" + height;
        }
    }

    private RenderPlan() {
    }

    static Size videoSize(Quality quality) {
        return quality == Quality.FULL ? new Size(1080, 1920) : new Size(720, 1280);
    }

    static Size thumbnailSize(Quality quality) {
        return quality == Quality.FULL ? new Size(540, 960) : new Size(360, 640);
    }

    /** The crop, in the source's displayed pixels, that covers a 9:16 frame. */
    static Size coverCrop(VideoProperties video) {
        int width = video.displayWidth();
        int height = video.displayHeight();
        return new Size(Math.min(width, (int) Math.round(height * 9 / 16.0)),
                Math.min(height, (int) Math.round(width * 16 / 9.0)));
    }

    /** The size of the whole picture fitted into {@code frame}, even on both sides. */
    static Size fit(VideoProperties video, Size frame) {
        double scale = Math.min(frame.width() / (double) video.displayWidth(),
                frame.height() / (double) video.displayHeight());
        return new Size(Math.min(frame.width(), even(video.displayWidth() * scale)),
                Math.min(frame.height(), even(video.displayHeight() * scale)));
    }

    /**
     * The output frame rate: the source's, halved (or more) above {@code cap} so frames are dropped
     * evenly (120 → 60, 119.88 → 59.94), and snapped to the standard rate it is close to (a phone's
     * variable 29.8 becomes 30, 29.97 stays 30000/1001); other rates are kept (to three decimals).
     */
    static String frameRate(double sourceFps, int cap) {
        double rate = sourceFps;
        if (rate > cap) {
            rate = rate / Math.ceil(rate / cap - 1e-6);
        }
        double[] ntsc = {24, 30, 48, 60, 120};
        for (double base : ntsc) {
            if (Math.abs(rate - base * 1000 / 1001) < 0.005) {
                return (long) (base * 1000) + "/1001";
            }
        }
        double[] standard = {24, 25, 30, 48, 50, 60, 90, 100, 120};
        for (double value : standard) {
            if (value <= cap && Math.abs(rate - value) <= value * 0.02) {
                return String.valueOf((long) value);
            }
        }
        double bounded = Math.max(1, Math.min(cap, rate));
        return java.math.BigDecimal.valueOf(Math.round(bounded * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }

    static double frameRateValue(String rate) {
        int slash = rate.indexOf('/');
        return slash < 0 ? Double.parseDouble(rate)
                : Double.parseDouble(rate.substring(0, slash)) / Double.parseDouble(rate.substring(slash + 1));
    }

    /** Crops the source's middle (or where {@code x} says) to 9:16, in its own pixels; {@code x} may use {@code t}. */
    static String coverCropFilter(String x) {
        return "crop=w='min(iw,ih*9/16/sar)':h='min(ih,iw*sar*16/9)':x='" + x + "':y='(ih-oh)/2'";
    }

    /**
     * The video filter graph, from input {@code [0:v]} to {@code [v]}: frame rate, the last frame
     * held, the layout, square pixels, the caption filters, then yuv420p.
     */
    static String videoGraph(Layout layout, Size size, String rate, Optional<FramingPath> path,
                             List<String> captionFilters) {
        String scale = "scale=" + size.width() + ":" + size.height() + ",setsar=1";
        // The last frame is held for as long as -t asks: a video track that ends before the sound
        // (and so before the container's duration) still fills the clip.
        String input = "[0:v]fps=" + rate + ",tpad=stop=-1:stop_mode=clone,";
        String body;
        switch (layout) {
            case CENTER_CROP:
                body = input + coverCropFilter("(iw-ow)/2") + "," + scale;
                break;
            case FOLLOW_ACTION:
                String x = path.filter(FramingPath::motionFound)
                        .map(p -> "(iw-ow)*(" + p.expression() + ")").orElse("(iw-ow)/2");
                body = input + coverCropFilter(x) + "," + scale;
                break;
            case BLURRED_FIT:
                // The background is blurred at a quarter of the size (cheap, and softer once scaled up).
                body = input + "split=2[bg][fg];"
                        + "[bg]" + coverCropFilter("(iw-ow)/2") + ",scale=" + size.width() / 4 + ":" + size.height() / 4
                        + ",boxblur=luma_radius=12:luma_power=2,eq=brightness=-0.08,scale=" + size.width() + ":"
                        + size.height() + ",setsar=1[blurred];"
                        + "[fg]scale=w=" + size.width() + ":h=" + size.height()
                        + ":force_original_aspect_ratio=decrease:force_divisible_by=2:reset_sar=1,setsar=1[fitted];"
                        + "[blurred][fitted]overlay=x=(W-w)/2:y=(H-h)/2";
                break;
            default:
                throw new IllegalArgumentException("unknown layout " + layout);
        }
        StringBuilder graph = new StringBuilder(body);
        for (String caption : captionFilters) {
            graph.append(',').append(caption);
        }
        return graph.append(",format=yuv420p[v]").toString();
    }

    /** The audio graph to {@code [a]}: the source's first audio track as 48 kHz stereo padded to the end, or silence. */
    static String audioGraph(boolean sourceHasAudio) {
        return sourceHasAudio
                ? "[0:a:0]aformat=sample_rates=" + SAMPLE_RATE + ":channel_layouts=stereo,apad[a]"
                : "anullsrc=channel_layout=stereo:sample_rate=" + SAMPLE_RATE + "[a]";
    }

    /** {@code -ss start -i source}: seeking before the input, so only the clip's part is read and decoded. */
    static List<String> input(URI source, long startMs) {
        List<String> arguments = new ArrayList<>(List.of("-ss", seconds(startMs)));
        arguments.addAll(location(source));
        return arguments;
    }

    /** {@code -i} and the source as ffmpeg reads it (see {@link MediaSource}: file, http and https only). */
    static List<String> location(URI source) {
        return MediaSource.of(source).ffmpegInput();
    }

    /**
     * The motion pass: tiny grayscale frame differences of the clip, raw, into {@code output}. The
     * decoder skips frames no other frame refers to (B-frames, mostly): sampling 5 frames a second
     * does not need them, and it halves the decoding of a typical 1080p source.
     */
    static List<String> activityArguments(URI source, long startMs, long durationMs, Path output) {
        List<String> arguments = new ArrayList<>(List.of("-threads", "2", "-skip_frame:v", "noref"));
        arguments.addAll(input(source, startMs));
        arguments.addAll(List.of("-t", seconds(durationMs), "-an", "-sn", "-dn",
                "-vf", "fps=" + FramingActivity.SAMPLES_PER_SECOND + ",scale=" + FramingActivity.COLUMNS + ":"
                        + FramingActivity.ROWS + ":flags=area,format=gray,tblend=all_mode=difference",
                "-f", "rawvideo", "-pix_fmt", "gray", "file:" + output));
        return arguments;
    }

    /** The render: H.264 (libx264) and AAC in an MP4 with its index first, source metadata left out. */
    static List<String> renderArguments(URI source, long startMs, long durationMs, String graph,
                                        RenderSettings settings, Path output) {
        return renderArguments(source, startMs, durationMs, graph, settings, OptionalDouble.empty(), output);
    }

    /**
     * As above, with a keyframe forced at {@code keyframeAtSeconds} of the clip: the thumbnail is
     * taken there, and a seek that lands on a keyframe decodes one frame instead of the many
     * since the previous keyframe.
     */
    static List<String> renderArguments(URI source, long startMs, long durationMs, String graph,
                                        RenderSettings settings, OptionalDouble keyframeAtSeconds, Path output) {
        List<String> arguments = new ArrayList<>(input(source, startMs));
        arguments.addAll(List.of(
                "-filter_complex", graph,
                "-map", "[v]", "-map", "[a]",
                "-t", seconds(durationMs),
                "-c:v", "libx264", "-preset", settings.preset(), "-crf", String.valueOf(settings.crf()),
                "-profile:v", "high", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", settings.audioKilobitsPerSecond() + "k", "-ac", "2", "-ar",
                String.valueOf(SAMPLE_RATE),
                "-map_metadata", "-1", "-map_chapters", "-1",
                "-movflags", "+faststart"));
        keyframeAtSeconds.ifPresent(at -> arguments.addAll(List.of("-force_key_frames",
                String.format(Locale.ROOT, "%.3f", at))));
        arguments.addAll(List.of("-f", "mp4", "file:" + output));
        return arguments;
    }

    /** One frame of the rendered clip at {@code atSeconds}, scaled to {@code size}, as a JPEG. */
    static List<String> thumbnailArguments(Path video, double atSeconds, Size size, Path output) {
        return List.of("-ss", String.format(Locale.ROOT, "%.3f", atSeconds), "-i", "file:" + video,
                "-an", "-sn", "-dn", "-frames:v", "1",
                "-vf", "scale=" + size.width() + ":" + size.height() + ":flags=lanczos,setsar=1",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1", "file:" + output);
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
    }

    /**
     * Escapes {@code value} for a filter option inside a filter graph: first for the option
     * ({@code \ ' :}), then for the graph ({@code \ ' [ ] , ;}), as FFmpeg's filter documentation
     * describes. For file names in {@code drawtext}.
     */
    static String escape(String value) {
        return backslash(backslash(value, "\\':"), "\\'[],;");
    }

    private static String backslash(String value, String special) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            if (special.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static int even(double value) {
        return Math.max(2, (int) Math.round(value / 2) * 2);
    }
}
