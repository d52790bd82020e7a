package dev.truss.application.fake;

import dev.truss.application.port.storage.PublicationStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.Publication;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publications in memory, at most one per (creator, clip, platform). */
public final class InMemoryPublicationStore implements PublicationStore {

    private record ClipKey(CreatorId creator, ClipId clip) {
    }

    private final Map<ClipKey, Map<Platform, Publication>> publications = new HashMap<>();

    @Override
    public synchronized WriteResult<Publication> create(Publication publication) {
        return Rows.create(publicationsOf(publication.creatorId(), publication.clipId()), publication.platform(),
                publication);
    }

    @Override
    public synchronized Optional<Publication> find(CreatorId creator, ClipId clip, Platform platform) {
        return Optional.ofNullable(publicationsOf(creator, clip).get(platform));
    }

    @Override
    public synchronized List<Publication> listByClip(CreatorId creator, ClipId clip) {
        return List.copyOf(publicationsOf(creator, clip).values());
    }

    @Override
    public synchronized WriteResult<Publication> update(Publication publication) {
        return Rows.update(publicationsOf(publication.creatorId(), publication.clipId()), publication.platform(),
                publication);
    }

    private Map<Platform, Publication> publicationsOf(CreatorId creator, ClipId clip) {
        return publications.computeIfAbsent(new ClipKey(creator, clip), any -> new EnumMap<>(Platform.class));
    }
}
