package dev.truss.domain.clip;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.Text;
import dev.truss.domain.Versioned;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.ViralityScore;
import java.time.Instant;
import java.util.Objects;

/**
 * A moment of an asset worth posting: its place on the asset's timeline, the words that go
 * with it, its virality score (with the reasons) and whether it has been rendered.
 */
public record Clip(
        ClipId id,
        CreatorId creatorId,
        AssetId assetId,
        TimeRange range,
        String title,
        String hookLine,
        String caption,
        ViralityScore score,
        Layout layout,
        RenderState render,
        Instant createdAt,
        long version) implements Versioned<Clip> {

    /** YouTube Shorts takes up to three minutes; the longest any target platform allows. */
    public static final long MAX_LENGTH_MS = 180_000;

    public Clip {
        Objects.requireNonNull(id, "clip id");
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(assetId, "asset id");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(render, "render state");
        Objects.requireNonNull(createdAt, "created at");
        title = Text.required("title", title, 100);
        hookLine = Text.optional("hook line", hookLine, 200);
        caption = Text.optional("caption", caption, 2200); // TikTok's caption limit
        if (range.durationMs() > MAX_LENGTH_MS) {
            throw new InvalidValueException("a clip is at most " + MAX_LENGTH_MS / 1000 + " s long, got "
                    + range.durationMs() + " ms");
        }
    }

    /** Checks that a range fits inside the asset it is cut from. */
    public static TimeRange within(TimeRange range, long assetDurationMs) {
        if (range.endMs() > assetDurationMs) {
            throw new InvalidValueException("the clip ends at " + range.endMs() + " ms but the video is only "
                    + assetDurationMs + " ms long");
        }
        return range;
    }

    /** A new version of the words, range or layout; any render of the old version is discarded. */
    public Clip edited(TimeRange newRange, String newTitle, String newHookLine, String newCaption, Layout newLayout) {
        boolean looksDifferent = !newRange.equals(range) || newLayout != layout;
        RenderState newRender = looksDifferent ? new RenderState.NotRendered() : render;
        return new Clip(id, creatorId, assetId, newRange, newTitle, newHookLine, newCaption, score, newLayout,
                newRender, createdAt, version);
    }

    /** Any clip can be (re-)rendered; a newer job replaces one that died. */
    public Clip renderQueued(JobId job) {
        return withRender(new RenderState.Rendering(job));
    }

    public Clip rendered(String videoKey, String thumbnailKey, Instant at) {
        return withRender(new RenderState.Rendered(videoKey, thumbnailKey, at));
    }

    public Clip renderFailed(String reason, Instant at) {
        return withRender(new RenderState.RenderFailed(reason, at));
    }

    @Override
    public Clip withVersion(long newVersion) {
        return new Clip(id, creatorId, assetId, range, title, hookLine, caption, score, layout, render, createdAt,
                newVersion);
    }

    private Clip withRender(RenderState newRender) {
        return new Clip(id, creatorId, assetId, range, title, hookLine, caption, score, layout, newRender, createdAt,
                version);
    }
}
