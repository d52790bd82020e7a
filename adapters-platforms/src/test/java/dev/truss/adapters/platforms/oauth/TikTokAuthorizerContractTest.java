package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.tiktok.TikTokAuthorizer;
import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.PlatformAuthorizer;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

@NotApplicable(value = "the_authorization_url_carries_the_state_the_redirect_and_the_pkce_challenge",
        because = "TikTok wants the S256 challenge as hex(SHA-256(verifier)), not the base64url the contract compares; TikTokAuthorizerTest checks the URL carries the same digest in hex")
class TikTokAuthorizerContractTest extends PlatformAuthorizerContract {

    private final OAuthStandIn standIn = new OAuthStandIn(OAuthStandIn.Flavor.TIKTOK);

    @Override
    protected PlatformAuthorizer newAuthorizer() {
        return new TikTokAuthorizer(standIn.settings(), Clock.systemUTC());
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
