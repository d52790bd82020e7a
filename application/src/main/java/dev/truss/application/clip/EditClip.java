package dev.truss.application.clip;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes a clip's words, range or layout. Fields left empty keep their value. The edit
 * applies to the version the client read: if the clip changed since, the edit is refused
 * (409) rather than silently overwriting the other change.
 */
public final class EditClip {

    public record Command(CreatorId creator, ClipId clip, long expectedVersion, Optional<TimeRange> range,
                          Optional<String> title, Optional<String> hookLine, Optional<String> caption,
                          Optional<Layout> layout) {
        public Command {
            Objects.requireNonNull(creator, "creator");
            Objects.requireNonNull(clip, "clip");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(hookLine, "hook line");
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(layout, "layout");
        }
    }

    private final ClipStore clips;
    private final AssetStore assets;

    public EditClip(ClipStore clips, AssetStore assets) {
        this.clips = clips;
        this.assets = assets;
    }

    public Outcome<Clip> execute(Command command) {
        Optional<Clip> found = clips.find(command.creator(), command.clip());
        if (found.isEmpty()) {
            return Outcome.notFound("no clip " + command.clip());
        }
        Clip clip = found.get();
        if (clip.version() != command.expectedVersion()) {
            return Outcome.conflict("the clip was changed since version " + command.expectedVersion()
                    + " (it is at " + clip.version() + "); load it again and reapply your edit");
        }
        TimeRange range = command.range().orElse(clip.range());
        if (!range.equals(clip.range())) {
            long duration = assets.find(command.creator(), clip.assetId()).flatMap(a -> a.durationMs())
                    .orElse(Long.MAX_VALUE);
            try {
                Clip.within(range, duration);
            } catch (InvalidValueException outside) {
                return Outcome.rejected(outside.getMessage());
            }
        }
        return Outcome.of(clips.update(clip.edited(range, command.title().orElse(clip.title()),
                command.hookLine().orElse(clip.hookLine()), command.caption().orElse(clip.caption()),
                command.layout().orElse(clip.layout()))), "the clip");
    }
}
