package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.youtube.GoogleAuthorizer;
import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.PlatformAuthorizer;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class GoogleAuthorizerContractTest extends PlatformAuthorizerContract {

    private final OAuthStandIn standIn = new OAuthStandIn(OAuthStandIn.Flavor.GOOGLE);

    @Override
    protected PlatformAuthorizer newAuthorizer() {
        return new GoogleAuthorizer(standIn.settings(), Clock.systemUTC());
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
