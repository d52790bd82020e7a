package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.ApiProblem;
import dev.truss.adapters.http.ClientAddress;
import dev.truss.adapters.http.RateLimits;
import dev.truss.adapters.http.Requests;
import dev.truss.adapters.http.Sessions;
import dev.truss.application.TrussCore;
import dev.truss.application.auth.RequestMagicLink;
import dev.truss.application.auth.VerifyMagicLink;
import dev.truss.application.common.Outcome;
import dev.truss.application.port.Mailer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Login by magic link, the session it opens, and logging out. */
public final class AuthRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    record LinkRequest(String email) {
        LinkRequest {
            if (email == null || email.isBlank()) {
                throw new IllegalArgumentException("email is required");
            }
        }
    }

    record Verification(String token) {
        Verification {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("token is required");
            }
        }
    }

    record LoggedIn(Views.Profile creator, boolean firstLogin, Instant sessionExpiresAt) {
    }

    record SessionView(String creatorId, Instant expiresAt) {
    }

    private final TrussCore core;
    private final RateLimits limits;
    private final ClientAddress clients;
    private final Sessions sessions;

    public AuthRoutes(TrussCore core, RateLimits limits, ClientAddress clients, Sessions sessions) {
        this.core = core;
        this.limits = limits;
        this.clients = clients;
        this.sessions = sessions;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/auth/magic-links", this::requestLink, Access.ANYONE);
        routes.post("/api/auth/sessions", this::verify, Access.ANYONE);
        routes.get("/api/auth/session", this::current, Access.CREATOR);
        routes.delete("/api/auth/session", this::logOut, Access.ANYONE);
    }

    /** 202 whatever the email: the answer never tells whether an account exists. */
    private void requestLink(Context ctx) {
        LinkRequest request = Requests.body(ctx, LinkRequest.class);
        limits.linkRequested(request.email(), clients.of(ctx));
        RequestMagicLink.Command command = RequestMagicLink.Command.of(request.email());
        try {
            core.requestMagicLink().execute(command);
        } catch (Mailer.MailException e) {
            LOG.warn("could not send a login link: {}", e.getMessage()); // never the link itself
            throw ApiProblem.unavailable("the login mail could not be sent just now; try again in a minute");
        }
        ctx.status(202).json(Map.of("message", "if this address can log in, a link is on its way; it works once, for "
                + dev.truss.domain.auth.MagicLink.LIFETIME.toMinutes() + " minutes"));
    }

    private void verify(Context ctx) {
        limits.verificationAttempted(clients.of(ctx));
        Verification request = Requests.body(ctx, Verification.class);
        Outcome<VerifyMagicLink.LoggedIn> outcome = core.verifyMagicLink().execute(request.token());
        if (outcome instanceof Outcome.Rejected<VerifyMagicLink.LoggedIn> rejected) {
            throw ApiProblem.badRequest(rejected.message());
        }
        VerifyMagicLink.LoggedIn in = Requests.value(outcome);
        sessions.open(ctx, in.sessionToken(), in.session());
        ctx.status(201).json(new LoggedIn(Views.Profile.of(in.creator()), in.firstLogin(), in.session().expiresAt()));
    }

    private void current(Context ctx) {
        var session = Sessions.current(ctx);
        ctx.json(new SessionView(session.creatorId().ulid().value(), session.expiresAt()));
    }

    private void logOut(Context ctx) {
        String token = Sessions.token(ctx);
        if (token != null) {
            core.logOut().execute(token);
        }
        sessions.close(ctx);
        ctx.status(204);
    }
}
