package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of ffprobe's {@code -print_format json -show_format -show_streams} answer Truss
 * reads. ffprobe writes most numbers as strings and leaves out what it does not know, so every
 * number is optional here and "N/A" reads as absent.
 */
record FfprobeReport(String formatName, OptionalDouble durationSeconds, OptionalDouble startSeconds,
                     OptionalLong sizeBytes, List<Stream> streams) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    FfprobeReport {
        streams = List.copyOf(streams);
    }

    /** One stream: {@code type} is ffprobe's codec_type ("video", "audio", "subtitle", "data", ...). */
    record Stream(String type, String codec, int width, int height, double averageFrameRate, double baseFrameRate,
                  OptionalDouble durationSeconds, OptionalDouble startSeconds, OptionalLong frames,
                  boolean attachedPicture, boolean stillImage, int rotationClockwise) {

        boolean isVideo() {
            return "video".equals(type);
        }

        boolean isAudio() {
            return "audio".equals(type);
        }

        /** A moving picture: a video stream that is not a cover picture or a still image. */
        boolean isMovingPicture() {
            return isVideo() && !attachedPicture && !stillImage;
        }

        /** avg_frame_rate, or r_frame_rate when ffprobe could not average, or frames ÷ duration; NaN if none. */
        double framesPerSecond() {
            if (averageFrameRate > 0) {
                return averageFrameRate;
            }
            if (baseFrameRate > 0) {
                return baseFrameRate;
            }
            if (frames.isPresent() && durationSeconds.isPresent() && durationSeconds.getAsDouble() > 0) {
                return frames.getAsLong() / durationSeconds.getAsDouble();
            }
            return Double.NaN;
        }
    }

    Optional<Stream> firstMovingPicture() {
        return streams.stream().filter(Stream::isMovingPicture).findFirst();
    }

    boolean hasAudio() {
        return streams.stream().anyMatch(Stream::isAudio);
    }

    static FfprobeReport parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MediaException("ffprobe printed something that is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode format = root.path("format");
        List<Stream> streams = new ArrayList<>();
        for (JsonNode stream : root.path("streams").values()) {
            streams.add(new Stream(
                    text(stream.path("codec_type")),
                    text(stream.path("codec_name")),
                    stream.path("width").asInt(0),
                    stream.path("height").asInt(0),
                    rate(text(stream.path("avg_frame_rate"))),
                    rate(text(stream.path("r_frame_rate"))),
                    streamDuration(stream),
                    number(stream.path("start_time")),
                    whole(stream.path("nb_frames")),
                    stream.path("disposition").path("attached_pic").asInt(0) == 1,
                    stream.path("disposition").path("still_image").asInt(0) == 1,
                    rotationClockwise(stream)));
        }
        return new FfprobeReport(text(format.path("format_name")), number(format.path("duration")),
                number(format.path("start_time")), whole(format.path("size")), streams);
    }

    /**
     * Where the last packet of ffprobe's {@code -show_entries packet=pts_time,duration_time}
     * answer ends, in seconds; empty when it listed none.
     */
    static OptionalDouble lastPacketEnd(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MediaException("ffprobe printed something that is not JSON: " + e.getOriginalMessage(), e);
        }
        OptionalDouble lastEnd = OptionalDouble.empty();
        for (JsonNode packet : root.path("packets").values()) {
            OptionalDouble pts = number(packet.path("pts_time"));
            if (pts.isPresent()) {
                double end = pts.getAsDouble() + number(packet.path("duration_time")).orElse(0);
                lastEnd = OptionalDouble.of(Math.max(end, lastEnd.orElse(end)));
            }
        }
        return lastEnd;
    }

    /**
     * Whether the first packet of ffprobe's {@code -f data -show_data} answer starts with an
     * ISO base media box header: a 32-bit size of at least 8 and a type MP4 and QuickTime files
     * begin with. ffprobe shows the bytes as a hex dump, {@code 00000000: 0000 0020 6674 7970 …}.
     */
    static boolean startsWithMp4Box(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MediaException("ffprobe printed something that is not JSON: " + e.getOriginalMessage(), e);
        }
        String dump = text(root.path("packets").path(0).path("data")).strip();
        int colon = dump.indexOf(": ");
        if (colon < 0) {
            return false;
        }
        StringBuilder hex = new StringBuilder();
        for (String group : dump.substring(colon + 2).split(" ")) {
            if (group.length() != 4 || hex.length() >= 16) {
                break;
            }
            hex.append(group);
        }
        if (hex.length() < 16) {
            return false;
        }
        try {
            long size = Long.parseLong(hex.substring(0, 8), 16);
            StringBuilder type = new StringBuilder();
            for (int i = 8; i < 16; i += 2) {
                type.append((char) Integer.parseInt(hex.substring(i, i + 2), 16));
            }
            return (size >= 8 || size == 1) && MP4_FIRST_BOXES.contains(type.toString());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Boxes an MP4 or QuickTime file starts with (QuickTime may start with its data or a placeholder). */
    private static final Set<String> MP4_FIRST_BOXES = Set.of("ftyp", "styp", "moov", "mdat", "free", "skip", "wide",
            "pnot", "uuid");

    /**
     * The stream's duration field, or the {@code DURATION} tag Matroska muxers write per track
     * ("00:01:02.500000000") because Matroska has no per-track duration field.
     */
    private static OptionalDouble streamDuration(JsonNode stream) {
        OptionalDouble duration = number(stream.path("duration"));
        if (duration.isPresent()) {
            return duration;
        }
        String tag = text(stream.path("tags").path("DURATION"));
        String[] parts = tag.split(":");
        if (parts.length != 3) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Integer.parseInt(parts[0]) * 3600.0 + Integer.parseInt(parts[1]) * 60.0
                    + Double.parseDouble(parts[2]));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Degrees to turn the stored picture clockwise to show it upright (0, 90, 180 or 270), as
     * the old {@code rotate} tag said. The display matrix ffprobe reports in side data turns
     * counter-clockwise, so its rotation is negated; it wins over the tag when both are there.
     */
    private static int rotationClockwise(JsonNode stream) {
        for (JsonNode sideData : stream.path("side_data_list").values()) {
            OptionalDouble counterClockwise = number(sideData.path("rotation"));
            if (counterClockwise.isPresent()) {
                return quarterTurns(-counterClockwise.getAsDouble());
            }
        }
        OptionalDouble tag = number(stream.path("tags").path("rotate"));
        return tag.isPresent() ? quarterTurns(tag.getAsDouble()) : 0;
    }

    private static int quarterTurns(double degrees) {
        long quarters = Math.round(degrees / 90);
        return (int) (((quarters % 4) + 4) % 4) * 90;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asString("") : "";
    }

    private static OptionalDouble number(JsonNode node) {
        if (node.isNumber()) {
            return OptionalDouble.of(node.doubleValue());
        }
        try {
            double value = Double.parseDouble(text(node));
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static OptionalLong whole(JsonNode node) {
        OptionalDouble value = number(node);
        return value.isPresent() ? OptionalLong.of((long) value.getAsDouble()) : OptionalLong.empty();
    }

    /** "30000/1001" → 29.97; "0/0", "N/A" or nonsense → 0. */
    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length == 2 ? Double.parseDouble(parts[1]) : 1;
            double rate = numerator / denominator;
            return Double.isFinite(rate) && rate > 0 ? rate : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
