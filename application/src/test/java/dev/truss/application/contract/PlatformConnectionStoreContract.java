package dev.truss.application.contract;

import static dev.truss.application.contract.Writes.written;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.PendingAuthorization;
import dev.truss.domain.platform.SealedSecret;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
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

    @Test
    void replacing_changes_a_connection_that_is_there_and_never_brings_back_a_deleted_one() {
        PlatformConnection first = Fixtures.connection(creator, Platform.TIKTOK);
        store.save(first);
        PlatformConnection refreshed = new PlatformConnection(creator, Platform.TIKTOK, first.accountId(),
                first.accountName(), first.scopes(), first.expiresAt().map(at -> at.plusSeconds(3_600)),
                first.connectedAt(), Optional.of(new SealedSecret("v2:0a1b2c3d:ZnJlc2g")));

        assertThat(store.replace(refreshed)).isInstanceOf(WriteResult.Written.class);
        assertThat(store.find(creator, Platform.TIKTOK)).contains(refreshed);
        store.delete(creator, Platform.TIKTOK);
        assertThat(store.replace(refreshed)).isInstanceOf(WriteResult.Missing.class);
        assertThat(store.find(creator, Platform.TIKTOK)).isEmpty();
    }

    @Test
    void a_pending_authorization_is_consumed_once_with_every_field() {
        PendingAuthorization pending = pending(NOW.plusSeconds(600));
        store.savePending(pending);

        assertThat(store.consumePending(pending.state(), NOW)).contains(pending);
        assertThat(store.consumePending(pending.state(), NOW)).as("a replayed state").isEmpty();
    }

    @Test
    void an_expired_pending_authorization_is_never_returned() {
        PendingAuthorization pending = pending(NOW.plusSeconds(600));
        store.savePending(pending);

        assertThat(store.consumePending(pending.state(), NOW.plusSeconds(600))).isEmpty();
    }

    @Test
    void an_unknown_state_finds_nothing() {
        store.savePending(pending(NOW.plusSeconds(600)));

        assertThat(store.consumePending(SecretToken.generate(new SecureRandom()).hash(), NOW)).isEmpty();
    }

    @Test
    void of_two_callbacks_racing_with_one_state_exactly_one_gets_the_authorization() throws Exception {
        PendingAuthorization pending = pending(NOW.plusSeconds(600));
        store.savePending(pending);

        List<Optional<PendingAuthorization>> results = Concurrently.run(8, () -> store.consumePending(pending.state(), NOW));

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
    }

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private PendingAuthorization pending(Instant expiresAt) {
        SecureRandom random = new SecureRandom();
        return new PendingAuthorization(SecretToken.generate(random).hash(), creator,
                SecretToken.generate(random).hash(), Platform.TIKTOK,
                URI.create("https://truss.example/connect/tiktok?x=1"), new SealedSecret("v2:0a1b2c3d:c2VhbGVk"),
                expiresAt);
    }
}
