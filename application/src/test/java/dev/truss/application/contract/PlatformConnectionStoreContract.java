package dev.truss.application.contract;

import static dev.truss.application.contract.Writes.written;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link PlatformConnectionStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class PlatformConnectionStoreContract {

    protected abstract PlatformConnectionStore newStore();

    private PlatformConnectionStore store;
    private final CreatorId creator = Fixtures.creatorId();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void a_saved_connection_is_found_with_every_field_and_its_sealed_tokens() {
        PlatformConnection connection = Fixtures.connection(creator, Platform.YOUTUBE);

        store.save(connection);

        assertThat(store.find(creator, Platform.YOUTUBE)).contains(connection);
    }

    @Test
    void a_connection_without_expiry_or_tokens_is_found_as_saved() {
        PlatformConnection bare = new PlatformConnection(creator, Platform.DISCORD, "webhook-1", "", Set.of(),
                Optional.empty(), Fixtures.nextInstant(), Optional.empty());

        store.save(bare);

        assertThat(store.find(creator, Platform.DISCORD)).contains(bare);
    }

    @Test
    void saving_a_connection_to_the_same_platform_replaces_the_old_one() {
        store.save(Fixtures.connection(creator, Platform.TIKTOK));
        PlatformConnection reconnected = Fixtures.connection(creator, Platform.TIKTOK);

        store.save(reconnected);

        assertThat(store.find(creator, Platform.TIKTOK)).contains(reconnected);
        assertThat(store.list(creator)).containsExactly(reconnected);
    }

    @Test
    void the_list_holds_one_connection_per_platform_with_tokens() {
        PlatformConnection youtube = Fixtures.connection(creator, Platform.YOUTUBE);
        PlatformConnection twitch = Fixtures.connection(creator, Platform.TWITCH);
        store.save(youtube);
        store.save(twitch);

        assertThat(store.list(creator)).containsExactlyInAnyOrder(youtube, twitch);
    }

    @Test
    void a_deleted_connection_is_returned_and_gone() {
        PlatformConnection connection = Fixtures.connection(creator, Platform.YOUTUBE);
        store.save(connection);

        assertThat(written(store.delete(creator, Platform.YOUTUBE))).isEqualTo(connection);

        assertThat(store.find(creator, Platform.YOUTUBE)).isEmpty();
        assertThat(store.list(creator)).isEmpty();
    }

    @Test
    void deleting_an_unknown_connection_is_missing() {
        assertThat(store.delete(creator, Platform.TWITCH)).isInstanceOf(WriteResult.Missing.class);
    }

    @Test
    void a_creator_never_sees_another_creators_connections() {
        store.save(Fixtures.connection(creator, Platform.YOUTUBE));
        CreatorId someoneElse = Fixtures.creatorId();

        assertThat(store.find(someoneElse, Platform.YOUTUBE)).isEmpty();
        assertThat(store.list(someoneElse)).isEmpty();
        assertThat(store.delete(someoneElse, Platform.YOUTUBE)).isInstanceOf(WriteResult.Missing.class);
        assertThat(store.find(creator, Platform.YOUTUBE)).isPresent();
    }
}
