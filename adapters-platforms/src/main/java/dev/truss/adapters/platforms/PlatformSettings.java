package dev.truss.adapters.platforms;

import java.time.Duration;
import java.util.Objects;

/**
 * How Truss talks to one platform: as which app, where, and how long a single request may
 * take. Uploads are bounded by {@code requestTimeout} per request (per chunk), not per file.
 */
public record PlatformSettings(OAuthClient client, PlatformEndpoints endpoints, Duration connectTimeout,
                               Duration requestTimeout) {

    public PlatformSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(connectTimeout, "connect timeout");
        Objects.requireNonNull(requestTimeout, "request timeout");
    }

    public static PlatformSettings of(OAuthClient client, PlatformEndpoints endpoints) {
        return new PlatformSettings(client, endpoints, Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    public PlatformSettings withTimeouts(Duration connect, Duration request) {
        return new PlatformSettings(client, endpoints, connect, request);
    }
}
