package dev.truss.application.port.media;

import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.time.TimeRange;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/** Cuts a moment out of a video and renders it as a vertical 9:16 MP4 with a thumbnail. */
public interface ClipRenderer {

    /** Full 1080×1920 for posting, or 720×1280 for a quick look. */
    enum Quality { FULL, PREVIEW }

    /** A line of burned-in caption, timed on the source's timeline. */
    record CaptionCue(TimeRange range, String text) {
    }

    record Request(URI source, VideoProperties video, TimeRange range, Layout layout, List<CaptionCue> captions,
                   Quality quality, Path outputDirectory) {
        public Request {
            captions = List.copyOf(captions);
        }
    }

    /** The files written into the output directory, and how the frame was cut (for clients to show). */
    record Rendered(Path video, Path thumbnail, String framing) {
    }

    /** Renders or throws {@link MediaException}; a failed render leaves no half-written file behind. */
    Rendered render(Request request, IntConsumer percentDone);
}
