package dev.truss.application.auth;

import dev.truss.application.port.storage.SessionStore;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.auth.Session;
import java.time.Clock;
import java.util.Optional;

/** Finds whose session a cookie token opens: the one source of "who is asking" for every protected action. */
public final class Authenticate {

    private final SessionStore sessions;
    private final Clock clock;

    public Authenticate(SessionStore sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The live session, or empty for a token that is malformed, unknown, revoked or expired. */
    public Optional<Session> execute(String sessionToken) {
        try {
            return sessions.find(new SecretToken(sessionToken).hash(), clock.instant());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
