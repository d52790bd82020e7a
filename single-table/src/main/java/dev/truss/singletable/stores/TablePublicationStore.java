package dev.truss.singletable.stores;

import dev.truss.application.port.storage.PublicationStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.Publication;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Publications at {@code CREATOR#<id> / PUBLICATION#<clipId>#<platform>}: the key is the
 * (clip, platform) pair, so the conditional create is what makes publishing happen once.
 */
final class TablePublicationStore implements PublicationStore {

    private final Items items;

    TablePublicationStore(Items items) {
        this.items = items;
    }

    @Override
    public WriteResult<Publication> create(Publication publication) {
        return items.create(items.item(key(publication), publication), publication, Publication.class);
    }

    @Override
    public Optional<Publication> find(CreatorId creator, ClipId clip, Platform platform) {
        return items.find(Keys.publication(creator, clip, platform), Publication.class);
    }

    @Override
    public List<Publication> listByClip(CreatorId creator, ClipId clip) {
        Query ofClip = Query.table(Keys.creator(creator), SortKeyRange.beginsWith(Keys.publicationPrefix(clip)), false,
                Platform.values().length);
        return Paging.readAll(items.table(), ofClip).stream()
                .map(item -> items.entity(item, Publication.class))
                .sorted(Comparator.comparing(Publication::platform))
                .toList();
    }

    @Override
    public WriteResult<Publication> update(Publication publication) {
        return items.update(key(publication), publication);
    }

    private static Key key(Publication publication) {
        return Keys.publication(publication.creatorId(), publication.clipId(), publication.platform());
    }
}
