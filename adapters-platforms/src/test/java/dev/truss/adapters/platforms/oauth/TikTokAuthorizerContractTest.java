package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.tiktok.TikTokAuthorizer;
import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.Pkce;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;

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

    /** TikTok wants the S256 digest in hex, not base64url: computed here from the verifier, not by the adapter. */
    @Override
    protected String expectedChallenge(Pkce pkce) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(pkce.verifier().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }
}
