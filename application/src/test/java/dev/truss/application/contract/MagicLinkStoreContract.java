package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.MagicLinkStore;
import dev.truss.domain.auth.MagicLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link MagicLinkStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class MagicLinkStoreContract {

    protected abstract MagicLinkStore newStore();

    private MagicLinkStore store;
    private final Instant now = Fixtures.BASE;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void consuming_a_saved_link_returns_it_with_every_field() {
        MagicLink link = Fixtures.magicLink(now);
        store.save(link);

        assertThat(store.consume(link.tokenHash(), now.plusSeconds(60))).contains(link);
    }

    @Test
    void a_link_can_be_consumed_only_once() {
        MagicLink link = Fixtures.magicLink(now);
        store.save(link);
        store.consume(link.tokenHash(), now);

        assertThat(store.consume(link.tokenHash(), now)).isEmpty();
    }

    @Test
    void an_unknown_link_is_absent() {
        store.save(Fixtures.magicLink(now));

        assertThat(store.consume(Fixtures.tokenHash(), now)).isEmpty();
    }

    @Test
    void a_link_works_until_the_instant_it_expires() {
        MagicLink link = Fixtures.magicLink(now);
        store.save(link);

        assertThat(store.consume(link.tokenHash(), link.expiresAt().minusMillis(1))).contains(link);
    }

    @Test
    void an_expired_link_is_absent_and_removed() {
        MagicLink link = Fixtures.magicLink(now);
        store.save(link);

        assertThat(store.consume(link.tokenHash(), link.expiresAt())).isEmpty();
        assertThat(store.consume(link.tokenHash(), now)).as("after the expired link was removed").isEmpty();
    }

    @Test
    void consuming_one_link_leaves_the_others() {
        MagicLink first = Fixtures.magicLink(now);
        MagicLink second = Fixtures.magicLink(now);
        store.save(first);
        store.save(second);

        store.consume(first.tokenHash(), now);

        assertThat(store.consume(second.tokenHash(), now)).contains(second);
    }

    @Test
    void of_racing_verifications_exactly_one_gets_each_link() throws Exception {
        List<MagicLink> links = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            MagicLink link = Fixtures.magicLink(now);
            store.save(link);
            links.add(link);
        }

        List<List<MagicLink>> gotByThread = Concurrently.run(8, () -> links.stream()
                .map(link -> store.consume(link.tokenHash(), now))
                .flatMap(Optional::stream)
                .toList());

        List<MagicLink> got = gotByThread.stream().flatMap(List::stream).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(links);
    }
}
