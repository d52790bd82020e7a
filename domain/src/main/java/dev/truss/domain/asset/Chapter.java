package dev.truss.domain.asset;

import dev.truss.domain.Text;
import dev.truss.domain.time.TimeRange;
import java.util.Objects;

/** A titled part of a video, found by the analysis (from its scenes and silences, or by an AI model). */
public record Chapter(TimeRange range, String title, String summary) {

    public Chapter {
        Objects.requireNonNull(range, "range");
        title = Text.required("chapter title", title, 200);
        summary = Text.optional("chapter summary", summary, 2000);
    }
}
