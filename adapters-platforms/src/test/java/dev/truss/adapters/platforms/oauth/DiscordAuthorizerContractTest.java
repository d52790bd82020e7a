package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.discord.DiscordAuthorizer;
import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class DiscordAuthorizerContractTest extends PlatformAuthorizerContract {

    private final OAuthStandIn standIn = new OAuthStandIn(OAuthStandIn.Flavor.DISCORD);

    @Override
    protected PlatformAuthorizer newAuthorizer() {
        return new DiscordAuthorizer(standIn.settings(), Clock.systemUTC());
    }

    @Override
    protected URI approve(URI authorizationUrl) throws Exception {
        return standIn.approve(authorizationUrl);
    }

    /** The access token is the webhook's URL, which never expires: DiscordAuthorizerTest checks refresh asks to reconnect. */
    @Override
    protected boolean refreshes() {
        return false;
    }

    /** Revoking deletes the webhook, so its URL no longer posts anywhere. */
    @Override
    protected boolean stillAccepts(OAuthGrant grant) {
        return standIn.webhookExists(grant.accountId());
    }

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }
}
