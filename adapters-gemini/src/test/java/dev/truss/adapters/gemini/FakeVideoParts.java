package dev.truss.adapters.gemini;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.VideoParts;
import dev.truss.domain.time.TimeRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * Cuts "parts" without FFmpeg: for each range, a small file {@code part-N.mp4} in the directory
 * given, holding a line that names the source and the range (so a test can tell the uploads
 * apart). Remembers every call, and fails when told to, as FFmpeg does on a source it cannot read.
 */
final class FakeVideoParts implements VideoParts {

    /** One call: what was asked for, and where the files went. */
    record Cut(URI source, List<TimeRange> ranges, Path directory) {
    }

    private final List<Cut> cuts = new CopyOnWriteArrayList<>();
    private volatile String failure;

    /** Every later call throws a {@link MediaException} with this message. */
    FakeVideoParts failWith(String message) {
        failure = message;
        return this;
    }

    List<Cut> cuts() {
        return List.copyOf(cuts);
    }

    /** What a part's file holds. */
    static String content(URI source, TimeRange range) {
        return "fake low-resolution part of " + source + " from " + range.startMs() + " to " + range.endMs() + " ms\n";
    }

    @Override
    public List<Part> cut(URI source, List<TimeRange> ranges, Path directory, IntConsumer percentDone) {
        cuts.add(new Cut(source, List.copyOf(ranges), directory));
        percentDone.accept(0);
        if (failure != null) {
            throw new MediaException(failure);
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Path file = directory.resolve("part-" + (i + 1) + ".mp4");
            try {
                Files.writeString(file, content(source, ranges.get(i)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            parts.add(new Part(ranges.get(i), file));
            percentDone.accept((i + 1) * 100 / ranges.size());
        }
        return parts;
    }
}
