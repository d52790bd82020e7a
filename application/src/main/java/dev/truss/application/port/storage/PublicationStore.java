package dev.truss.application.port.storage;

import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.Publication;
import java.util.List;
import java.util.Optional;

/** Publications of clips, at most one per (clip, platform): the record that makes publishing idempotent. */
public interface PublicationStore {

    /** Writes the publication unless one exists for the same clip and platform, which is then returned. */
    WriteResult<Publication> create(Publication publication);

    Optional<Publication> find(CreatorId creator, ClipId clip, Platform platform);

    /** The clip's publications, in platform order. */
    List<Publication> listByClip(CreatorId creator, ClipId clip);

    WriteResult<Publication> update(Publication publication);
}
