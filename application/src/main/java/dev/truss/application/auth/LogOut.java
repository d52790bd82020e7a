package dev.truss.application.auth;

import dev.truss.application.port.storage.SessionStore;
import dev.truss.domain.auth.SecretToken;

/** Revokes a session; logging out twice, or with an unknown token, is harmless. */
public final class LogOut {

    private final SessionStore sessions;

    public LogOut(SessionStore sessions) {
        this.sessions = sessions;
    }

    public void execute(String sessionToken) {
        try {
            sessions.delete(new SecretToken(sessionToken).hash());
        } catch (IllegalArgumentException malformed) {
            // Not a token we could have issued: there is nothing to revoke.
        }
    }
}
