package dev.truss.adapters.platforms;

import java.util.Objects;

/** The app Truss is registered as on a platform: its client id and secret. Never prints the secret. */
public record OAuthClient(String id, String secret) {

    public OAuthClient {
        Objects.requireNonNull(id, "client id");
        Objects.requireNonNull(secret, "client secret");
        if (id.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("a platform client needs both its id and its secret");
        }
    }

    @Override
    public String toString() {
        return "OAuthClient[id=" + id + ", secret=***]";
    }
}
