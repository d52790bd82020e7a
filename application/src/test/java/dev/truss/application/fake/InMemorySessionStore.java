package dev.truss.application.fake;

import dev.truss.application.port.storage.SessionStore;
import dev.truss.domain.auth.Session;
import dev.truss.domain.auth.TokenHash;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in memory; an expired session is simply never found (like a database TTL that has not run yet). */
public final class InMemorySessionStore implements SessionStore {

    private final Map<TokenHash, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(Session session) {
        sessions.put(session.tokenHash(), session);
    }

    @Override
    public Optional<Session> find(TokenHash token, Instant now) {
        return Optional.ofNullable(sessions.get(token)).filter(session -> !session.isExpiredAt(now));
    }

    @Override
    public void delete(TokenHash token) {
        sessions.remove(token);
    }
}
