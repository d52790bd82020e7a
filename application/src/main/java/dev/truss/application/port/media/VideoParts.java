package dev.truss.application.port.media;

import dev.truss.domain.time.TimeRange;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Cuts stretches of a video into small files for an AI model: a low-resolution proxy of each
 * range, so an upload costs little and a video longer than a model takes in one request can be
 * sent in parts. The parts keep the video's timeline: a part's times start at its range's start.
 */
public interface VideoParts {

    /** One cut: the range of the source it holds, and the file (MP4, with its sound). */
    record Part(TimeRange range, Path file) {
    }

    /**
     * Writes one file per range into {@code directory}, in the order given; throws
     * {@link MediaException} when the source cannot be read.
     */
    List<Part> cut(URI source, List<TimeRange> ranges, Path directory, IntConsumer percentDone);
}
