package dev.truss.adapters.http;

import dev.truss.application.auth.Authenticate;
import dev.truss.domain.auth.Session;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;

/**
 * Checks run before any handler: state-changing requests must come from one of our origins
 * (a forged cross-site form cannot carry it), and a route's {@link Access} must be met.
 */
final class Guards {

    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private static final String LOGIN_PAGE = "/login";

    private final Authenticate authenticate;
    private final Set<String> allowedOrigins;

    Guards(Authenticate authenticate, Set<String> allowedOrigins) {
        this.authenticate = authenticate;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Before matching: the Origin of a state-changing request is one we serve. */
    void checkOrigin(Context ctx) {
        if (!STATE_CHANGING.contains(ctx.method())) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            throw ApiProblem.forbidden("a request that changes something needs an Origin header naming a Truss page");
        }
        if (!allowedOrigins.contains(origin)) {
            throw ApiProblem.forbidden("requests from " + clip(origin) + " are not allowed here");
        }
    }

    /** Before the handler of a matched route: the route's access is met, else 401 or a redirect. */
    void checkAccess(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS || isPublic(ctx)) {
            return; // CORS preflights carry no cookie
        }
        Optional<Session> session = Optional.ofNullable(Sessions.token(ctx)).flatMap(authenticate::execute);
        if (session.isPresent()) {
            Sessions.remember(ctx, session.get());
            return;
        }
        if (ctx.routeRoles().contains(Access.CREATOR_PAGE)) {
            ctx.redirect(LOGIN_PAGE, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        throw ApiProblem.unauthorized();
    }

    private static boolean isPublic(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        return roles.contains(Access.ANYONE);
    }

    private static String clip(String origin) {
        return origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
    }
}
