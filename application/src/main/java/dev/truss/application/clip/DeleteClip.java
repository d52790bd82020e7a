package dev.truss.application.clip;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;

/** Deletes a clip and its rendered files. Posts already published stay on their platforms. */
public final class DeleteClip {

    private final ClipStore clips;
    private final ObjectStorage storage;

    public DeleteClip(ClipStore clips, ObjectStorage storage) {
        this.clips = clips;
        this.storage = storage;
    }

    public Outcome<Clip> execute(CreatorId creator, ClipId clip) {
        WriteResult<Clip> deleted = clips.delete(creator, clip);
        if (deleted instanceof WriteResult.Written<Clip> written
                && written.value().render() instanceof RenderState.Rendered rendered) {
            // The record goes first: files without a record are garbage, a record without files would be a lie.
            storage.delete(rendered.videoKey());
            storage.delete(rendered.thumbnailKey());
        }
        return deleted instanceof WriteResult.Missing<Clip> ? Outcome.notFound("no clip " + clip)
                : Outcome.of(deleted, "the clip");
    }
}
