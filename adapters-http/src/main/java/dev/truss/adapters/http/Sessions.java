package dev.truss.adapters.http;

import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.auth.Session;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The session token lives only in its cookie: {@code HttpOnly} (no script reads it),
 * {@code SameSite=Lax} (no cross-site POST carries it) and {@code Secure} off localhost.
 */
public final class Sessions {

    static final String COOKIE = "truss_session";
    private static final String ATTRIBUTE = "truss.session";

    private final boolean secure;

    public Sessions(boolean secure) {
        this.secure = secure;
    }

    public void open(Context ctx, SecretToken token, Session session) {
        long seconds = Math.max(0, session.expiresAt().getEpochSecond() - session.createdAt().getEpochSecond());
        ctx.cookie(new Cookie(COOKIE, token.value(), "/", (int) Math.min(Integer.MAX_VALUE, seconds), secure, true,
                null, SameSite.LAX));
    }

    public void close(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secure, true, null, SameSite.LAX));
    }

    /** The token the browser sent, or null. */
    public static String token(Context ctx) {
        return ctx.cookie(COOKIE);
    }

    /** The session the guard found; a route without public access always has one. */
    public static Session current(Context ctx) {
        Session session = ctx.attribute(ATTRIBUTE);
        if (session == null) {
            throw ApiProblem.unauthorized(); // fail closed, whatever the route declared
        }
        return session;
    }

    static void remember(Context ctx, Session session) {
        ctx.attribute(ATTRIBUTE, session);
    }
}
