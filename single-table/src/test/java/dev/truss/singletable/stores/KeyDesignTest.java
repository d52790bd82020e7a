package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.TrussCore;
import dev.truss.application.contract.Fixtures;
import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.auth.Session;
import dev.truss.domain.creator.Creator;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.InMemoryTable;
import dev.truss.singletable.Item;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What the items look like: the key design's promises that no store contract can see. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeyDesignTest {

    private final InMemoryTable table = new InMemoryTable();
    private final TrussCore.Stores stores = SingleTableStores.on(table, 1);

    @Test
    void no_key_holds_an_email_and_the_creator_partition_is_keyed_by_id() {
        Creator creator = Fixtures.creator();

        stores.creators().create(creator);

        assertThat(table.items()).hasSize(2).allSatisfy(item -> {
            assertThat(item.key().pk()).doesNotContain(creator.email().value());
            assertThat(item.key().sk()).doesNotContain(creator.email().value());
        });
        assertThat(table.items()).extracting(Item::key).anySatisfy(key -> {
            assertThat(key.pk()).isEqualTo("CREATOR#" + creator.id().value());
            assertThat(key.sk()).isEqualTo("METADATA");
        });
    }

    @Test
    void magic_links_and_sessions_are_keyed_by_the_hash_and_never_hold_the_token() {
        SecretToken link = SecretToken.generate(new SecureRandom());
        SecretToken cookie = SecretToken.generate(new SecureRandom());
        Instant now = Fixtures.BASE;

        stores.magicLinks().save(MagicLink.issue(link.hash(), Fixtures.email(), now));
        stores.sessions().save(Session.open(cookie.hash(), Fixtures.creatorId(), now));

        assertThat(table.items()).extracting(item -> item.key().pk())
                .containsExactlyInAnyOrder("MAGIC#" + link.hash().hex(), "SESSION#" + cookie.hash().hex());
        assertThat(table.items()).allSatisfy(item -> assertThat(item.toString())
                .doesNotContain(link.value()).doesNotContain(cookie.value()));
    }

    @Test
    void expiring_items_carry_their_expiry_in_whole_epoch_seconds_rounded_up() {
        Instant now = Instant.parse("2026-03-01T09:00:00.250Z");
        MagicLink link = MagicLink.issue(Fixtures.tokenHash(), Fixtures.email(), now);

        stores.magicLinks().save(link);

        Item item = table.items().get(0);
        assertThat(item.number(Attributes.EXPIRES_AT)).contains(link.expiresAt().getEpochSecond() + 1);
    }
}
