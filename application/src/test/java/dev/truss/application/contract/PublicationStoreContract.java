package dev.truss.application.contract;

import static dev.truss.application.contract.Writes.alreadyExisting;
import static dev.truss.application.contract.Writes.written;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.PublicationStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.Publication;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link PublicationStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class PublicationStoreContract {

    protected abstract PublicationStore newStore();

    private PublicationStore store;
    private final CreatorId creator = Fixtures.creatorId();
    private final ClipId clip = Fixtures.clipId();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    static List<Arguments> publicationsInEveryState() {
        return Fixtures.publicationsInEveryState(Fixtures.creatorId()).stream()
                .map(publication -> Arguments.of(Named.of(publication.state().getClass().getSimpleName(), publication)))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicationsInEveryState")
    void a_created_publication_is_found_with_every_field(Publication publication) {
        assertThat(written(store.create(publication))).isEqualTo(publication);

        assertThat(store.find(publication.creatorId(), publication.clipId(), publication.platform()))
                .contains(publication);
    }

    @Test
    void publishing_a_clip_to_a_platform_again_returns_the_stored_publication() {
        Publication first = Fixtures.publication(creator, clip, Platform.YOUTUBE);
        store.create(first);

        Publication again = Fixtures.publication(creator, clip, Platform.YOUTUBE);
        assertThat(alreadyExisting(store.create(again))).isEqualTo(first);
    }

    @Test
    void a_clip_has_one_publication_per_platform_and_lists_them_all() {
        Publication youtube = Fixtures.publication(creator, clip, Platform.YOUTUBE);
        Publication tiktok = Fixtures.publication(creator, clip, Platform.TIKTOK);
        Publication otherClip = Fixtures.publication(creator, Fixtures.clipId(), Platform.YOUTUBE);
        List.of(youtube, tiktok, otherClip).forEach(store::create);

        assertThat(store.listByClip(creator, clip)).containsExactlyInAnyOrder(youtube, tiktok);
        assertThat(store.find(creator, clip, Platform.DISCORD)).isEmpty();
    }

    @Test
    void an_update_stores_and_returns_the_next_version() {
        Publication pending = Fixtures.publication(creator, clip, Platform.YOUTUBE);
        store.create(pending);
        Publication uploading = pending.uploading("session-1", pending.createdAt().plusSeconds(1));

        Publication saved = written(store.update(uploading));

        assertThat(saved).isEqualTo(uploading.withVersion(pending.version() + 1));
        assertThat(store.find(creator, clip, Platform.YOUTUBE)).contains(saved);
    }

    @Test
    void an_update_from_a_stale_read_is_a_version_conflict_and_changes_nothing() {
        Publication pending = Fixtures.publication(creator, clip, Platform.YOUTUBE);
        store.create(pending);
        Publication current = written(store.update(pending.uploading("session-1", pending.createdAt())));

        assertThat(store.update(pending.failed("stale", pending.createdAt())))
                .isInstanceOf(WriteResult.VersionConflict.class);
        assertThat(store.find(creator, clip, Platform.YOUTUBE)).contains(current);
    }

    @Test
    void updating_an_unknown_publication_is_missing() {
        assertThat(store.update(Fixtures.publication(creator, clip, Platform.TWITCH)))
                .isInstanceOf(WriteResult.Missing.class);
    }

    @Test
    void a_creator_never_sees_another_creators_publications() {
        store.create(Fixtures.publication(creator, clip, Platform.YOUTUBE));
        CreatorId someoneElse = Fixtures.creatorId();

        assertThat(store.find(someoneElse, clip, Platform.YOUTUBE)).isEmpty();
        assertThat(store.listByClip(someoneElse, clip)).isEmpty();
    }

    @Test
    void racing_requests_to_publish_one_clip_to_one_platform_make_one_publication() throws Exception {
        List<WriteResult<Publication>> results = Concurrently.run(8,
                () -> store.create(Fixtures.publication(creator, clip, Platform.TIKTOK)));

        List<Publication> created = results.stream().filter(WriteResult.Written.class::isInstance)
                .map(Writes::written).toList();
        assertThat(created).hasSize(1);
        assertThat(results).filteredOn(WriteResult.AlreadyExists.class::isInstance).hasSize(7)
                .allSatisfy(result -> assertThat(alreadyExisting(result)).isEqualTo(created.get(0)));
    }
}
