package dev.truss.application.clip;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import java.net.URI;
import java.time.Duration;

/** A short-lived link to a rendered clip's MP4, served by object storage, not by Truss. */
public final class DownloadClip {

    public static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

    private final ClipStore clips;
    private final ObjectStorage storage;

    public DownloadClip(ClipStore clips, ObjectStorage storage) {
        this.clips = clips;
        this.storage = storage;
    }

    public Outcome<URI> execute(CreatorId creator, ClipId clip) {
        return clips.find(creator, clip).map(found -> found.render() instanceof RenderState.Rendered rendered
                        ? Outcome.ok(storage.presignDownload(rendered.videoKey(), LINK_VALIDITY))
                        : Outcome.<URI>rejected("the clip is not rendered yet: render it first"))
                .orElseGet(() -> Outcome.notFound("no clip " + clip));
    }
}
