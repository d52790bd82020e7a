package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.discord.DiscordAuthorizer;
import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.PlatformAuthorizer;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

@NotApplicable(value = "refreshing_an_issued_refresh_token_gives_a_new_access_token_for_the_same_account",
        because = "a Discord grant's access token is the webhook URL, which never expires and no refresh changes; DiscordAuthorizerTest checks refresh asks to reconnect")
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

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }
}
