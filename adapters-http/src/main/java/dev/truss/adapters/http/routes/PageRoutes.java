package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.ApiProblem;
import dev.truss.domain.platform.Platform;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The few pages a browser needs to log in and connect platforms; everything else is the JSON
 * API. Pages carry a strict Content-Security-Policy (no inline script) and send no Referer, so
 * the login link's token and a platform's code never leave the page.
 */
public final class PageRoutes implements RouteGroup {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private static final Map<String, String> ASSETS = Map.of(
            "truss.js", "text/javascript; charset=utf-8",
            "truss.css", "text/css; charset=utf-8");
    /** The callback paths are redirect URIs registered at each platform: exactly the API's names, no other case. */
    private static final Set<String> PLATFORMS = Arrays.stream(Platform.values()).map(Params::name)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/app", HttpStatus.SEE_OTHER), Access.ANYONE);
        routes.get("/login", ctx -> page(ctx, "login.html"), Access.ANYONE);
        routes.get("/login/verify", ctx -> page(ctx, "verify.html"), Access.ANYONE);
        routes.get("/app", ctx -> page(ctx, "app.html"), Access.CREATOR_PAGE);
        // A path per platform, not ?platform=: TikTok refuses redirect URIs with a query string.
        routes.get("/connect/{platform}/callback", this::callback, Access.CREATOR_PAGE);
        routes.get("/assets/{name}", this::asset, Access.ANYONE);
    }

    private void page(Context ctx, String name) {
        ctx.header("Content-Security-Policy", CSP).header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8").result(read(name));
    }

    /** Where a platform sends the creator back; its script posts the code and state to the API. */
    private void callback(Context ctx) {
        if (!PLATFORMS.contains(ctx.pathParam("platform"))) {
            throw ApiProblem.notFound("there is nothing at this address");
        }
        page(ctx, "connected.html");
    }

    private void asset(Context ctx) {
        String type = ASSETS.get(ctx.pathParam("name"));
        if (type == null) {
            throw ApiProblem.notFound("there is nothing at this address");
        }
        ctx.contentType(type).result(read(ctx.pathParam("name")));
    }

    private static byte[] read(String name) {
        try (InputStream in = PageRoutes.class.getResourceAsStream("/dev/truss/adapters/http/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("page " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
