package dev.truss.adapters.platforms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where a platform's OAuth server and API live. The defaults are the platforms' own URLs;
 * {@link #on(URI)} moves every one to another host, keeping its path, which is how tests point
 * the adapters at a local stand-in that serves the real paths.
 */
public record PlatformEndpoints(URI authorize, URI token, URI revoke, URI api) {

    public PlatformEndpoints {
        Objects.requireNonNull(authorize, "authorize");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(revoke, "revoke");
        Objects.requireNonNull(api, "api");
    }

    /** Google's OAuth and the YouTube Data API (uploads go to {@code api}/upload/youtube/v3/videos). */
    public static PlatformEndpoints youtube() {
        return new PlatformEndpoints(URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                URI.create("https://oauth2.googleapis.com/token"), URI.create("https://oauth2.googleapis.com/revoke"),
                URI.create("https://www.googleapis.com"));
    }

    /** TikTok Login Kit v2 and the Content Posting API. */
    public static PlatformEndpoints tiktok() {
        return new PlatformEndpoints(URI.create("https://www.tiktok.com/v2/auth/authorize/"),
                URI.create("https://open.tiktokapis.com/v2/oauth/token/"),
                URI.create("https://open.tiktokapis.com/v2/oauth/revoke/"), URI.create("https://open.tiktokapis.com"));
    }

    /** Twitch's OAuth server and the Helix API. */
    public static PlatformEndpoints twitch() {
        return new PlatformEndpoints(URI.create("https://id.twitch.tv/oauth2/authorize"),
                URI.create("https://id.twitch.tv/oauth2/token"), URI.create("https://id.twitch.tv/oauth2/revoke"),
                URI.create("https://api.twitch.tv/helix"));
    }

    /** Discord's OAuth server (the {@code webhook.incoming} flow) and its API, where webhooks live. */
    public static PlatformEndpoints discord() {
        return new PlatformEndpoints(URI.create("https://discord.com/oauth2/authorize"),
                URI.create("https://discord.com/api/oauth2/token"),
                URI.create("https://discord.com/api/oauth2/token/revoke"), URI.create("https://discord.com/api"));
    }

    /** The same endpoints on another scheme, host and port (a stand-in, a proxy), paths kept. */
    public PlatformEndpoints on(URI base) {
        return new PlatformEndpoints(rebase(authorize, base), rebase(token, base), rebase(revoke, base),
                rebase(api, base));
    }

    private static URI rebase(URI url, URI base) {
        try {
            return new URI(base.getScheme(), base.getRawAuthority(), url.getPath(), url.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot move " + url + " to " + base, e);
        }
    }
}
