package dev.truss.application.publishing;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.PublicationStore;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Publication;
import java.util.List;

/** Where a clip is published, or being published: one publication per platform, with its remote URL once posted. */
public final class ListPublications {

    private final ClipStore clips;
    private final PublicationStore publications;

    public ListPublications(ClipStore clips, PublicationStore publications) {
        this.clips = clips;
        this.publications = publications;
    }

    public Outcome<List<Publication>> ofClip(CreatorId creator, ClipId clip) {
        if (clips.find(creator, clip).isEmpty()) {
            return Outcome.notFound("no clip " + clip);
        }
        return Outcome.ok(publications.listByClip(creator, clip));
    }
}
