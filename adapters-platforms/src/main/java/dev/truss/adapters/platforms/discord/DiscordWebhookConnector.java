package dev.truss.adapters.platforms.discord;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.WebhookConnector;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Connects a Discord channel by a webhook URL the creator pasted. Only Discord's own webhook
 * URLs pass ({@link DiscordWebhookAddress#pasted}); the webhook is then read (Discord answers it
 * without other credentials) to prove it works and to name it. Messages never quote the URL:
 * its last part is the webhook's secret. Revoking deletes the webhook.
 */
public final class DiscordWebhookConnector implements WebhookConnector {

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
        DiscordWebhookAddress address = DiscordWebhookAddress.pasted(webhookUrl);
        URI url = address.grantUrl(settings.endpoints().api());
        PlatformHttp.Response response = http.send(http.request(url).header("Accept", "application/json").GET().build(),
                "read the webhook");
        if (response.status() == 401 || response.status() == 404) {
            throw PlatformException.refused("not a working Discord webhook: it was deleted or the URL is incomplete");
        }
        if (!response.ok()) {
            throw http.failure(response, "read the webhook");
        }
        JsonNode webhook = response.json();
        if (!address.id().equals(webhook.path("id").asString(""))) {
            throw PlatformException.refused("not a working Discord webhook: Discord answered for another one");
        }
        return new OAuthGrant(address.id(), name(webhook), Set.of(), new AccessToken(url.toString()),
                Optional.empty(), Optional.empty());
    }

    /** Deletes the webhook (one already gone is fine): nothing can post through it any more. */
    @Override
    public void revoke(AccessToken webhookUrl) {
        URI api = settings.endpoints().api();
        URI own = DiscordWebhookAddress.stored(webhookUrl.value(), api).grantUrl(api); // never another host
        PlatformHttp.Response deleted = http.send(http.request(own).DELETE().build(), "delete the webhook");
        if (!deleted.ok() && deleted.status() != 404) {
            throw http.failure(deleted, "delete the webhook");
        }
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
