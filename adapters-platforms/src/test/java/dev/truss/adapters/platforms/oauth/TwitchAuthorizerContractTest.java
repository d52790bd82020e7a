package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.twitch.TwitchAuthorizer;
import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.PlatformAuthorizer;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

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

    /** Twitch has no PKCE (twitchdev/issues#1097): the client secret binds the code, as TwitchAuthorizerTest checks. */
    @Override
    protected boolean enforcesPkce() {
        return false;
    }

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }
}
