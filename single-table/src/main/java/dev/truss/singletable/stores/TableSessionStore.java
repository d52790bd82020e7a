package dev.truss.singletable.stores;

import dev.truss.application.port.storage.SessionStore;
import dev.truss.domain.auth.Session;
import dev.truss.domain.auth.TokenHash;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import java.time.Instant;
import java.util.Optional;

/** Sessions at {@code SESSION#<sha-256 of the cookie token> / SESSION}, with a TTL. */
final class TableSessionStore implements SessionStore {

    private final Items items;

    TableSessionStore(Items items) {
        this.items = items;
    }

    @Override
    public void save(Session session) {
        items.table().put(items.item(Keys.session(session.tokenHash()), session)
                .with(Attributes.EXPIRES_AT, Expiry.epochSeconds(session.expiresAt())), Expect.anything());
    }

    @Override
    public Optional<Session> find(TokenHash token, Instant now) {
        return items.find(Keys.session(token), Session.class)
                .filter(session -> !session.isExpiredAt(now)); // the TTL sweep is lazy: check expiry on every read
    }

    @Override
    public void delete(TokenHash token) {
        items.table().delete(Keys.session(token));
    }
}
