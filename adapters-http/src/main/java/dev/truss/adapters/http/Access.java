package dev.truss.adapters.http;

import io.javalin.security.RouteRole;

/** Who may call a route; the guard checks it before the handler runs. */
public enum Access implements RouteRole {
    /** Login, health, the OpenAPI document, the login pages. */
    ANYONE,
    /** An API route: without a live session the answer is 401. */
    CREATOR,
    /** A page: without a live session the browser is sent to the login page. */
    CREATOR_PAGE
}
