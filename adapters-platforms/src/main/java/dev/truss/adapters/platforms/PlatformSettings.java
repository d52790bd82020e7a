package dev.truss.adapters.platforms;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How Truss talks to one platform: as which app, where, and how long a single request may
 * take. Uploads are bounded by {@code requestTimeout} per request (per chunk), not per file.
 * The app is optional: a Discord webhook posts, and is checked, without one.
 */
public record PlatformSettings(Optional<OAuthClient> app, PlatformEndpoints endpoints, Duration connectTimeout,
                               Duration requestTimeout) {

    public PlatformSettings {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(connectTimeout, "connect timeout");
        Objects.requireNonNull(requestTimeout, "request timeout");
    }

    public static PlatformSettings of(OAuthClient client, PlatformEndpoints endpoints) {
        return new PlatformSettings(Optional.of(client), endpoints, Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    /** For what needs no app of ours: posting to and checking a webhook. */
    public static PlatformSettings withoutApp(PlatformEndpoints endpoints) {
        return new PlatformSettings(Optional.empty(), endpoints, Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    /** The app Truss is registered as; OAuth and app-authenticated APIs cannot work without it. */
    public OAuthClient client() {
        return app.orElseThrow(() -> new IllegalStateException("this needs the platform app's client id and secret"));
    }

    public PlatformSettings withTimeouts(Duration connect, Duration request) {
        return new PlatformSettings(app, endpoints, connect, request);
    }
}
