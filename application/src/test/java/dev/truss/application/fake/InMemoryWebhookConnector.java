package dev.truss.application.fake;

import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.WebhookConnector;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A platform's webhooks in memory (Discord's, say): {@link #create} makes one, as a creator does in
 * a channel's settings, and only made, undeleted webhooks connect. Like the platform, the URL is
 * the secret, so the grant carries it as its access token. Thread-safe.
 */
public final class InMemoryWebhookConnector implements WebhookConnector {

    private final Platform platform;
    private final Map<String, String> channels = new LinkedHashMap<>(); // webhook URL → channel name
    private long counter;

    public InMemoryWebhookConnector(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public Platform platform() {
        return platform;
    }

    /** A new webhook posting to {@code channel}: its URL, as the channel's settings would show it. */
    public synchronized URI create(String channel) {
        long id = 1_000_000_000_000L + ++counter;
        URI url = URI.create("https://" + platform.slug() + ".example/api/webhooks/" + id + "/secret-" + counter);
        channels.put(url.toString(), channel);
        return url;
    }

    /** Whether the webhook still exists (it is deleted when revoked). */
    public synchronized boolean exists(URI webhook) {
        return channels.containsKey(webhook.toString());
    }

    @Override
    public synchronized OAuthGrant connect(URI webhookUrl) {
        String channel = channels.get(webhookUrl.toString());
        if (channel == null) {
            throw PlatformException.refused("not a working " + platform.slug() + " webhook");
        }
        String path = webhookUrl.getPath();
        String id = path.split("/")[3];
        return new OAuthGrant(id, channel, Set.of(), new AccessToken(webhookUrl.toString()), Optional.empty(),
                Optional.empty());
    }

    @Override
    public synchronized void revoke(AccessToken webhook) {
        channels.remove(webhook.value());
    }
}
