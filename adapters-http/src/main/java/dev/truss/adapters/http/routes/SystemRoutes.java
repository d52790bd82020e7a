package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Liveness for load balancers, and the OpenAPI document that describes every route. */
public final class SystemRoutes implements RouteGroup {

    static final String OPENAPI_RESOURCE = "/dev/truss/adapters/http/openapi.json";

    private final byte[] openApi;

    public SystemRoutes() {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the jar");
            }
            openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::health, Access.ANYONE);
        routes.get("/openapi.json", this::openApi, Access.ANYONE);
    }

    private void health(Context ctx) {
        ctx.json(Map.of("status", "up"));
    }

    private void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }
}
