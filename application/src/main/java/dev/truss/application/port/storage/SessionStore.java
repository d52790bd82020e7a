package dev.truss.application.port.storage;

import dev.truss.domain.auth.Session;
import dev.truss.domain.auth.TokenHash;
import java.time.Instant;
import java.util.Optional;

/** Server-side sessions, keyed by the hash of the cookie token. */
public interface SessionStore {

    void save(Session session);

    /** The session, unless it is unknown, revoked or expired at {@code now} (expired items may stay stored until a TTL sweep). */
    Optional<Session> find(TokenHash token, Instant now);

    /** Revokes the session; revoking an unknown session is harmless. */
    void delete(TokenHash token);
}
