/**
 * The API's routes, one class per area. A handler parses the request with
 * {@link dev.truss.adapters.http.Requests}, calls one use case and renders the outcome as a view
 * record: the API's own shapes, so storage details (keys, hashes, tokens) never leak.
 */
package dev.truss.adapters.http.routes;
