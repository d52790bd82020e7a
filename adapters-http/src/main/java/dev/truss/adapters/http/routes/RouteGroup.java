package dev.truss.adapters.http.routes;

import io.javalin.config.RoutesConfig;

/** The routes of one area of the API; each declares its {@link dev.truss.adapters.http.Access}. */
@FunctionalInterface
public interface RouteGroup {
    void addTo(RoutesConfig routes);
}
