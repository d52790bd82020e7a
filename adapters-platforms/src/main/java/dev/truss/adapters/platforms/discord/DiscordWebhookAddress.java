package dev.truss.adapters.platforms.discord;

import dev.truss.application.port.platform.PlatformException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord webhook as its URL names it, {@code https://discord.com/api[/v10]/webhooks/{id}/{token}},
 * the one place such URLs are read. The last segment is the webhook's secret, so messages never
 * quote the URL, and every URL this builds is on the configured API: a token read from a URL on
 * any host but Discord's (or the configured API's, a stand-in) is refused before a byte is sent.
 */
record DiscordWebhookAddress(String id, String token, Optional<String> threadId) {

    /** discord.com and discordapp.com, each also as the {@code ptb.} and {@code canary.} clients use it. */
    private static final Pattern DISCORD_HOST = Pattern.compile("(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com");
    private static final Pattern ID = Pattern.compile("\\d{1,20}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Pattern PATH = Pattern.compile("/api(?:/v\\d{1,2})?/webhooks/(" + ID + ")/(" + TOKEN + ")/?");
    private static final Pattern THREAD = Pattern.compile("(?:^|&)thread_id=(" + ID + ")(?:&|$)");

    static final String NOT_PASTED = "this is not a Discord webhook URL: copy it from the channel's "
            + "Integrations > Webhooks settings (https://discord.com/api/webhooks/<id>/<token>)";
    static final String NOT_STORED = "the Discord connection is not a Discord webhook URL; connect Discord again";

    DiscordWebhookAddress {
        Objects.requireNonNull(threadId, "thread id");
        if (id == null || token == null || !ID.matcher(id).matches() || !TOKEN.matcher(token).matches()) {
            throw PlatformException.refused("Discord named a webhook that is not one: connect Discord again");
        }
    }

    /** The webhook Discord made in the OAuth flow, from its id and token. */
    static DiscordWebhookAddress of(String id, String token) {
        return new DiscordWebhookAddress(id, token, Optional.empty());
    }

    /** A URL a creator pasted: only on Discord's own hosts, and without a query. */
    static DiscordWebhookAddress pasted(URI url) {
        return read(url, null, false).orElseThrow(() -> PlatformException.refused(NOT_PASTED));
    }

    /**
     * A URL a grant holds as its access token ({@link #grantUrl}): on Discord's hosts or
     * on {@code api}, where this adapter talks to Discord; {@code ?thread_id=} posts into a thread.
     */
    static DiscordWebhookAddress stored(String url, URI api) {
        Objects.requireNonNull(api, "api");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException notUri) {
            throw PlatformException.refused(NOT_STORED);
        }
        return read(uri, api, true).orElseThrow(() -> PlatformException.refused(NOT_STORED));
    }

    private static Optional<DiscordWebhookAddress> read(URI uri, URI api, boolean withQuery) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean discord = "https".equalsIgnoreCase(uri.getScheme()) && DISCORD_HOST.matcher(host).matches()
                && uri.getPort() == -1;
        boolean configured = api != null && api.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && api.getRawAuthority().equals(uri.getRawAuthority());
        Matcher path = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!(discord || configured) || !path.matches() || uri.getRawFragment() != null
                || (!withQuery && uri.getRawQuery() != null)) {
            return Optional.empty();
        }
        Optional<String> thread = Optional.ofNullable(uri.getRawQuery()).map(THREAD::matcher)
                .filter(Matcher::find).map(m -> m.group(1));
        return Optional.of(new DiscordWebhookAddress(path.group(1), path.group(2), thread));
    }

    /**
     * The webhook on the configured API, unversioned: what a grant stores as its access token, and
     * where it is read and deleted.
     */
    URI grantUrl(URI api) {
        return URI.create(api + "/webhooks/" + id + "/" + token);
    }

    /** Where to execute it: on the configured API, pinned to version 10 as Discord asks clients to. */
    URI executeUrl(URI api) {
        return URI.create(api + "/v10/webhooks/" + id + "/" + token + "?wait=true"
                + threadId.map(t -> "&thread_id=" + t).orElse(""));
    }

    /** The webhook itself (Get Webhook with Token), version 10: it names the server the channel is in. */
    URI versionedUrl(URI api) {
        return URI.create(api + "/v10/webhooks/" + id + "/" + token);
    }

    @Override
    public String toString() {
        return "DiscordWebhookAddress[id=" + id + ", token=***]";
    }
}
