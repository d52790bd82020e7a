/**
 * JSON over HTTP for web clients, on Javalin. {@link dev.truss.adapters.http.TrussHttpServer}
 * starts it over a {@link dev.truss.application.TrussCore}; routes live in {@code routes}, one
 * class per area, and only translate: parse the request, call one use case, render its outcome.
 *
 * <p>Every route declares its {@link dev.truss.adapters.http.Access}; a guard checks it before the
 * handler runs, and a route that declares none is treated as protected. The creator a request acts
 * for comes from its session cookie only. Errors are {@code application/problem+json}.
 */
package dev.truss.adapters.http;
