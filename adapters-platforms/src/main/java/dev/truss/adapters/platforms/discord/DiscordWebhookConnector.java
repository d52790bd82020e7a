package dev.truss.adapters.platforms.discord;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.WebhookConnector;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Connects a Discord channel by a webhook URL the creator pasted. Only Discord's own webhook
 * URLs pass ({@code https://discord.com/api[/v10]/webhooks/<id>/<token>}, also on
 * {@code discordapp.com} and the {@code ptb.}/{@code canary.} hosts); the webhook is then read
 * (Discord answers it without other credentials) to prove it works and to name it. Messages
 * never quote the URL: its last part is the webhook's secret.
 */
public final class DiscordWebhookConnector implements WebhookConnector {

    private static final Pattern HOST = Pattern.compile("(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com");
    private static final Pattern PATH = Pattern.compile("/api(?:/v\\d{1,2})?/webhooks/(\\d{1,20})/([\\w-]{1,100})/?");

    private final PlatformSettings settings;
    private final PlatformHttp http;

    public DiscordWebhookConnector(PlatformSettings settings) {
        this.settings = settings;
        this.http = new PlatformHttp(Platform.DISCORD, settings);
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public OAuthGrant connect(URI webhookUrl) {
        Matcher path = webhookUrl.getRawPath() == null ? null : PATH.matcher(webhookUrl.getRawPath());
        if (!"https".equalsIgnoreCase(webhookUrl.getScheme()) || webhookUrl.getHost() == null
                || !HOST.matcher(webhookUrl.getHost().toLowerCase(Locale.ROOT)).matches()
                || webhookUrl.getPort() != -1 || webhookUrl.getRawQuery() != null || webhookUrl.getRawFragment() != null
                || path == null || !path.matches()) {
            throw PlatformException.refused("this is not a Discord webhook URL: copy it from the channel's "
                    + "Integrations > Webhooks settings (https://discord.com/api/webhooks/<id>/<token>)");
        }
        URI url = webhookUrl(settings, path.group(1), path.group(2));
        PlatformHttp.Response response = http.send(http.request(url).header("Accept", "application/json").GET().build(),
                "read the webhook");
        if (response.status() == 401 || response.status() == 404) {
            throw PlatformException.refused("not a working Discord webhook: it was deleted or the URL is incomplete");
        }
        if (!response.ok()) {
            throw http.failure(response, "read the webhook");
        }
        JsonNode webhook = response.json();
        if (!path.group(1).equals(webhook.path("id").asString(""))) {
            throw PlatformException.refused("not a working Discord webhook: Discord answered for another one");
        }
        return new OAuthGrant(path.group(1), name(webhook), Set.of(), new AccessToken(url.toString()),
                Optional.empty(), Optional.empty());
    }

    /** Where Truss posts to the webhook: on the configured API, so a stand-in can serve it. */
    static URI webhookUrl(PlatformSettings settings, String id, String token) {
        return URI.create(settings.endpoints().api() + "/webhooks/" + id + "/" + token);
    }

    /** The webhook's name, else its channel. */
    static String name(JsonNode webhook) {
        JsonNode name = webhook.path("name");
        return name.isString() && !name.stringValue().isBlank() ? name.stringValue()
                : "channel " + webhook.path("channel_id").asString("?");
    }

    @Override
    public String toString() {
        return "DiscordWebhookConnector[" + settings.endpoints().api() + "]";
    }
}
