package dev.truss.domain.asset;

import dev.truss.domain.Text;
import dev.truss.domain.time.TimeRange;
import java.util.Objects;

/** What is said in a stretch of a video: the source of burned-in captions. */
public record TranscriptSegment(TimeRange range, String text) {

    public static final int MAX_TEXT_LENGTH = 1000;

    public TranscriptSegment {
        Objects.requireNonNull(range, "range");
        text = Text.required("transcript text", text, MAX_TEXT_LENGTH);
    }
}
