package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.ApiProblem;
import dev.truss.adapters.http.Requests;
import dev.truss.adapters.http.Sessions;
import dev.truss.application.TrussCore;
import dev.truss.application.publishing.DisconnectPlatform;
import dev.truss.domain.platform.Platform;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Platform accounts, connected by OAuth: {@code authorize} gives the platform's consent page;
 * the page the platform sends the creator back to posts the code and state here, in the same
 * login session. The {@code redirect} must be a page of one of our own origins, the same at both
 * steps. Or connected by a webhook URL the creator pastes (Discord).
 */
public final class ConnectionRoutes implements RouteGroup {

    record Grant(String code, String state, String redirect) {
        Grant {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("code is required: the code the platform sent back");
            }
            if (state == null || state.isBlank()) {
                throw new IllegalArgumentException("state is required: the state the platform sent back");
            }
            if (redirect == null || redirect.isBlank()) {
                throw new IllegalArgumentException("redirect is required: the same redirect as when connecting began");
            }
        }
    }

    record Webhook(String url) {
        Webhook {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("url is required: the channel's webhook URL");
            }
        }
    }

    private final TrussCore core;
    private final Set<String> origins;

    /** {@code origins}: where the page the platform sends the creator back to may live. */
    public ConnectionRoutes(TrussCore core, Set<String> origins) {
        this.core = core;
        this.origins = Set.copyOf(origins);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/connections", this::list, Access.CREATOR);
        routes.get("/api/connections/{platform}/authorize", this::authorize, Access.CREATOR);
        routes.post("/api/connections/{platform}", this::complete, Access.CREATOR);
        routes.post("/api/connections/{platform}/webhook", this::webhook, Access.CREATOR);
        routes.delete("/api/connections/{platform}", this::disconnect, Access.CREATOR);
    }

    private void list(Context ctx) {
        ctx.json(Views.Page.whole(core.listConnections().execute(Requests.creator(ctx)), Views.Connection::of));
    }

    private void authorize(Context ctx) {
        Platform platform = Params.path(ctx, "platform", Platform.class);
        String redirect = ctx.queryParam("redirect");
        if (redirect == null || redirect.isBlank()) {
            throw ApiProblem.badRequest("redirect is required: the page of ours the platform sends the creator back to");
        }
        URI url = Requests.value(core.connectPlatform().begin(Requests.creator(ctx),
                Sessions.current(ctx).tokenHash(), platform, redirect(redirect, "redirect")));
        ctx.json(new Views.Link(url.toString()));
    }

    private void complete(Context ctx) {
        Platform platform = Params.path(ctx, "platform", Platform.class);
        Grant grant = Requests.body(ctx, Grant.class);
        ctx.status(201).json(Views.Connection.of(Requests.value(core.connectPlatform().complete(Requests.creator(ctx),
                Sessions.current(ctx).tokenHash(), platform, grant.code(), grant.state(),
                redirect(grant.redirect(), "redirect")))));
    }

    /** A webhook URL the creator pasted: it is a secret, so it is never echoed, not even in an error. */
    private void webhook(Context ctx) {
        Platform platform = Params.path(ctx, "platform", Platform.class);
        Webhook webhook = Requests.body(ctx, Webhook.class);
        URI url;
        try {
            url = new URI(webhook.url().strip());
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("url must be the webhook's URL, as the channel's settings show it");
        }
        ctx.status(201).json(Views.Connection.of(Requests.value(core.connectPlatform().connectWebhook(
                Requests.creator(ctx), platform, url))));
    }

    /** 200 with whether Truss's access was revoked at the platform; the connection is gone either way. */
    private void disconnect(Context ctx) {
        DisconnectPlatform.Disconnected done = Requests.value(core.disconnectPlatform().execute(Requests.creator(ctx),
                Params.path(ctx, "platform", Platform.class)));
        ctx.json(new Views.Disconnection(Params.name(done.connection().platform()),
                done.revocationProblem().isEmpty(), done.revocationProblem().orElse(null)));
    }

    /** An absolute http(s) URL on one of our origins: the platform must hand the code to no one else. */
    private URI redirect(String text, String field) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest(field + " must be an absolute URL, not '" + Params.clip(text) + "'");
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw ApiProblem.badRequest(field + " must be an absolute http(s) URL, not '" + Params.clip(text) + "'");
        }
        String origin = scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (!origins.contains(origin) || uri.getRawUserInfo() != null) {
            throw ApiProblem.badRequest(field + " must be a page of " + origins + ", not of " + Params.clip(origin));
        }
        return uri;
    }
}
