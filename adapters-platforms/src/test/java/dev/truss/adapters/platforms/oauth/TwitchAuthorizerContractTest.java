package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.twitch.TwitchAuthorizer;
import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.PlatformAuthorizer;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

@NotApplicable(value = "a_code_sent_with_another_pkce_verifier_is_refused",
        because = "Twitch does not support PKCE (twitchdev/issues#1097): its code is bound to the client secret, which TwitchAuthorizerTest checks is sent")
class TwitchAuthorizerContractTest extends PlatformAuthorizerContract {

    private final OAuthStandIn standIn = new OAuthStandIn(OAuthStandIn.Flavor.TWITCH);

    @Override
    protected PlatformAuthorizer newAuthorizer() {
        return new TwitchAuthorizer(standIn.settings(), Clock.systemUTC());
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
