package dev.truss.adapters.http;

import io.javalin.http.Context;

/** Who is calling, for rate limits: the peer address, or the proxy's word for it when trusted. */
public final class ClientAddress {

    private final boolean trustForwardedFor;

    public ClientAddress(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String of(Context ctx) {
        if (trustForwardedFor) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim(); // the client as our proxy saw it
            }
        }
        return ctx.ip();
    }
}
