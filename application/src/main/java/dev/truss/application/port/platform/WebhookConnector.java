package dev.truss.application.port.platform;

import dev.truss.domain.platform.Platform;

import java.net.URI;

/**
 * Connects a channel by a webhook URL the creator pasted (Discord), instead of an OAuth
 * consent. The URL is itself the secret: the grant carries it as its access token.
 */
public interface WebhookConnector {

    Platform platform();

    /**
     * Checks the URL is the platform's and that the webhook exists; the grant names its channel.
     * {@link PlatformException} (refused) for a URL that is not a working webhook.
     */
    OAuthGrant connect(URI webhookUrl);

    /** Deletes the webhook, so nothing can post through it any more; {@link PlatformException} when that fails. */
    void revoke(AccessToken webhook);
}
