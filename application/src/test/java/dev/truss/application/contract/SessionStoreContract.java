package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.SessionStore;
import dev.truss.domain.auth.Session;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SessionStoreContract {

    protected abstract SessionStore newStore();

    private SessionStore store;
    private final Instant now = Fixtures.BASE;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void a_saved_session_is_found_with_every_field() {
        Session session = Fixtures.session(Fixtures.creatorId(), now);
        store.save(session);

        assertThat(store.find(session.tokenHash(), now.plusSeconds(60))).contains(session);
    }

    @Test
    void a_session_is_found_until_the_instant_it_expires() {
        Session session = Fixtures.session(Fixtures.creatorId(), now);
        store.save(session);

        assertThat(store.find(session.tokenHash(), session.expiresAt().minusMillis(1))).contains(session);
        assertThat(store.find(session.tokenHash(), session.expiresAt())).isEmpty();
    }

    @Test
    void an_unknown_session_is_absent() {
        store.save(Fixtures.session(Fixtures.creatorId(), now));

        assertThat(store.find(Fixtures.tokenHash(), now)).isEmpty();
    }

    @Test
    void a_revoked_session_is_absent_and_others_stay() {
        Session revoked = Fixtures.session(Fixtures.creatorId(), now);
        Session kept = Fixtures.session(revoked.creatorId(), now);
        store.save(revoked);
        store.save(kept);

        store.delete(revoked.tokenHash());

        assertThat(store.find(revoked.tokenHash(), now)).isEmpty();
        assertThat(store.find(kept.tokenHash(), now)).contains(kept);
    }

    @Test
    void revoking_an_unknown_session_is_harmless() {
        Session session = Fixtures.session(Fixtures.creatorId(), now);
        store.save(session);

        store.delete(Fixtures.tokenHash());
        store.delete(session.tokenHash());
        store.delete(session.tokenHash());

        assertThat(store.find(session.tokenHash(), now)).isEmpty();
    }
}
