package dev.truss.adapters.platforms.discord;

import dev.truss.application.port.platform.PlatformException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord webhook as its URL names it, {@code https://discord.com/api[/v10]/webhooks/{id}/{token}}
 * (optionally {@code ?thread_id=…}). The URL's last segment is the secret, so it is checked here
 * and never printed: a URL on any host but Discord's (or the configured API's, a stand-in) is
 * refused before a byte is sent to it.
 */
record DiscordWebhookAddress(String id, String token, Optional<String> threadId) {

    /** The hosts Discord hands webhook URLs out on. */
    private static final Set<String> DISCORD_HOSTS = Set.of("discord.com", "discordapp.com", "ptb.discord.com",
            "canary.discord.com");
    private static final Pattern PATH = Pattern.compile("/api(?:/v\\d+)?/webhooks/(\\d{1,20})/([A-Za-z0-9_-]{1,200})/?");
    private static final Pattern THREAD = Pattern.compile("(?:^|&)thread_id=(\\d{1,20})(?:&|$)");

    /** Reads the webhook from the URL a creator pasted; {@code api} is where this adapter talks to Discord. */
    static DiscordWebhookAddress parse(String url, URI api) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException notUri) {
            throw notAWebhook();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean discord = "https".equals(uri.getScheme()) && DISCORD_HOSTS.contains(host) && uri.getPort() == -1;
        boolean configured = api.getScheme().equals(uri.getScheme()) && api.getRawAuthority().equals(uri.getRawAuthority());
        if (!discord && !configured) {
            throw notAWebhook();
        }
        Matcher path = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!path.matches() || uri.getRawFragment() != null) {
            throw notAWebhook();
        }
        Optional<String> thread = Optional.ofNullable(uri.getRawQuery()).map(THREAD::matcher)
                .filter(Matcher::find).map(m -> m.group(1));
        return new DiscordWebhookAddress(path.group(1), path.group(2), thread);
    }

    /** Where to execute it: on the configured API, pinned to version 10 as Discord asks clients to. */
    URI executeUrl(URI api) {
        return URI.create(api + "/v10/webhooks/" + id + "/" + token + "?wait=true"
                + threadId.map(t -> "&thread_id=" + t).orElse(""));
    }

    /** The webhook itself (Get Webhook with Token): it names the server the channel is in. */
    URI webhookUrl(URI api) {
        return URI.create(api + "/v10/webhooks/" + id + "/" + token);
    }

    private static PlatformException notAWebhook() {
        return PlatformException.refused("the Discord connection is not a Discord webhook URL; connect Discord again");
    }

    @Override
    public String toString() {
        return "DiscordWebhookAddress[id=" + id + ", token=***]";
    }
}
