package dev.truss.application.publishing;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.platform.WebhookConnector;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forgets a platform account: revokes Truss's access at the platform first (so leaked tokens stop
 * working; for a webhook, the webhook is deleted), then deletes the connection and its tokens.
 * The creator asked to disconnect, so the connection is deleted even when the platform cannot be
 * reached to revoke; the result then says so, and how to revoke by hand.
 */
public final class DisconnectPlatform {

    /** The connection that was deleted, and why revoking it at the platform did not work, if it did not. */
    public record Disconnected(PlatformConnection connection, Optional<String> revocationProblem) {
    }

    private final PlatformConnectionStore connections;
    private final Map<Platform, PlatformAuthorizer> authorizers;
    private final Map<Platform, WebhookConnector> webhooks;
    private final SecretSealer sealer;

    public DisconnectPlatform(PlatformConnectionStore connections, List<PlatformAuthorizer> authorizers,
                              List<WebhookConnector> webhooks, SecretSealer sealer) {
        this.connections = connections;
        this.authorizers = Platforms.byPlatform(authorizers, PlatformAuthorizer::platform);
        this.webhooks = Platforms.byPlatform(webhooks, WebhookConnector::platform);
        this.sealer = sealer;
    }

    public Outcome<Disconnected> execute(CreatorId creator, Platform platform) {
        Optional<PlatformConnection> connection = connections.find(creator, platform);
        if (connection.isEmpty()) {
            return Outcome.notFound(platform.slug() + " is not connected");
        }
        Optional<String> problem = connection.get().tokens().flatMap(sealed -> revoke(platform,
                PlatformTokens.unseal(sealed, sealer)));
        connections.delete(creator, platform);
        return Outcome.ok(new Disconnected(connection.get().withoutTokens(), problem));
    }

    private Optional<String> revoke(Platform platform, PlatformTokens tokens) {
        try {
            // A pasted webhook has no refresh token, an OAuth grant has one: each is revoked the way it was made.
            boolean pastedWebhook = tokens.refresh().isEmpty() && webhooks.containsKey(platform);
            if (pastedWebhook) {
                webhooks.get(platform).revoke(tokens.access());
            } else if (authorizers.containsKey(platform)) {
                authorizers.get(platform).revoke(tokens.access(), tokens.refresh());
            } else {
                return Optional.of(platform.slug() + " is no longer configured on this server, so Truss could not"
                        + " revoke its access; remove Truss in your " + platform.slug() + " settings");
            }
            return Optional.empty();
        } catch (PlatformException failed) {
            return Optional.of("Truss could not revoke its access at " + platform.slug() + " (" + failed.getMessage()
                    + "); remove Truss in your " + platform.slug() + " settings");
        }
    }
}
