package dev.truss.adapters.http;

import dev.truss.adapters.http.routes.AnalyticsRoutes;
import dev.truss.adapters.http.routes.AssetRoutes;
import dev.truss.adapters.http.routes.AuthRoutes;
import dev.truss.adapters.http.routes.ClipRoutes;
import dev.truss.adapters.http.routes.ConnectionRoutes;
import dev.truss.adapters.http.routes.DashboardRoutes;
import dev.truss.adapters.http.routes.JobRoutes;
import dev.truss.adapters.http.routes.PageRoutes;
import dev.truss.adapters.http.routes.ProfileRoutes;
import dev.truss.adapters.http.routes.RouteGroup;
import dev.truss.adapters.http.routes.StreamRoutes;
import dev.truss.adapters.http.routes.SystemRoutes;
import dev.truss.application.TrussCore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP server over a {@link TrussCore}: started on construction, stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (TrussHttpServer server = TrussHttpServer.start(core, HttpSettings.local(8080))) { ... }
 * }</pre>
 */
public final class TrussHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrussHttpServer.class);

    private final Javalin app;

    private TrussHttpServer(Javalin app) {
        this.app = app;
    }

    public static TrussHttpServer start(TrussCore core, HttpSettings settings) {
        JsonMapper json = Json.MAPPER;
        Problems problems = new Problems(json);
        Guards guards = new Guards(core.authenticate(), settings.allowedOrigins());
        List<RouteGroup> groups = routeGroups(core, settings);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson3(json, false));
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblems()));
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                settings.allowedOrigins().forEach(origin -> rule.allowHost(origin));
                rule.allowCredentials = true;
                rule.exposeHeader(RequestIds.HEADER);
            }));
            config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} -> {} in {} ms", RequestIds.of(ctx),
                    ctx.method(), template(ctx), ctx.status().getCode(),
                    Math.round(ms))); // the path template only: a query string may hold a login token
            config.routes.before(ctx -> {
                RequestIds.assign(ctx);
                ctx.header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
                guards.checkOrigin(ctx);
            });
            config.routes.beforeMatched(guards::checkAccess);
            config.routes.after(TrussHttpServer::readUnreadBody);
            problems.register(config.routes);
            groups.forEach(group -> group.addTo(config.routes));
        });
        app.start(settings.host(), settings.port());
        return new TrussHttpServer(app);
    }

    private static List<RouteGroup> routeGroups(TrussCore core, HttpSettings settings) {
        Sessions sessions = new Sessions(settings.secureCookies());
        List<RouteGroup> groups = new ArrayList<>();
        groups.add(new SystemRoutes());
        groups.add(new PageRoutes());
        groups.add(new AuthRoutes(core, new RateLimits(settings.limits()), new ClientAddress(settings.trustForwardedFor()),
                sessions));
        groups.add(new ProfileRoutes(core));
        groups.add(new DashboardRoutes(core));
        groups.add(new AssetRoutes(core));
        groups.add(new ClipRoutes(core));
        groups.add(new JobRoutes(core));
        groups.add(new StreamRoutes(core));
        groups.add(new AnalyticsRoutes(core));
        groups.add(new ConnectionRoutes(core, settings.allowedOrigins()));
        return groups;
    }

    /**
     * Reads the body of a request answered without it (a 401, 403 or 415, a route that takes
     * none): Jetty resets a connection it closes with bytes unread, and the client would lose the
     * answer. A body over the limit stays unread; its 413 closes the connection.
     */
    private static void readUnreadBody(Context ctx) {
        try {
            ctx.bodyAsBytes(); // read once and kept, so a route that read it costs nothing here
        } catch (RuntimeException tooLargeOrGone) {
            // nothing more to do: the answer is written either way
        }
    }

    /** The path template of the route that served the request ({@code /api/clips/{clipId}}), never its values. */
    private static String template(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint(); // known once matched, even if a guard refused
        return matched == null ? "(no route)" : matched.path;
    }

    /** The port it listens on (the chosen one when asked for port 0). */
    public int port() {
        return app.port();
    }

    /** The Javalin app, for tests that inspect routes. */
    Javalin app() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
