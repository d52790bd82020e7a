package dev.truss.application.fake;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A probe that reads {@linkplain InMemoryMedia fake videos}: {@code Playable} with the file's
 * properties, or {@code NotPlayable} with a reason for the creator when the file is empty,
 * not a fake video, damaged, or has no video stream. A source that cannot be read at all (an
 * expired URL, a missing object) throws {@link MediaException}, as a probe that cannot reach
 * the file does. Thread-safe.
 */
public final class FakeMediaProbe implements MediaProbe {

    private final Function<URI, byte[]> reader;
    private final AtomicInteger probes = new AtomicInteger();

    /** Reads files with {@code reader}: an {@link InMemoryMedia}, or {@code storage::fetch} of an {@link InMemoryObjectStorage}. */
    public FakeMediaProbe(Function<URI, byte[]> reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public Result probe(URI source) {
        probes.incrementAndGet();
        byte[] file = InMemoryMedia.read(reader, source);
        InMemoryMedia.FakeVideo video;
        try {
            video = InMemoryMedia.decode(file);
        } catch (MediaException e) {
            return new NotPlayable(e.getMessage());
        }
        if (!video.hasVideo()) {
            return new NotPlayable("the file has no video stream");
        }
        return new Playable(video.properties());
    }

    /** How many files were probed. */
    public int probes() {
        return probes.get();
    }
}
