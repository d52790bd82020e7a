package dev.truss.application.port.platform;

import dev.truss.domain.platform.Platform;
import java.net.URI;

/** The OAuth 2 authorization-code flow of one platform. */
public interface PlatformAuthorizer {

    Platform platform();

    /** Where to send the creator to authorise Truss; {@code state} comes back with the code. */
    URI authorizationUrl(String state, URI redirect);

    /** Trades the code the platform sent back for tokens; throws {@link PlatformException} when refused. */
    OAuthGrant exchange(String code, URI redirect);

    /** A fresh access token from a refresh token. */
    OAuthGrant refresh(String refreshToken);
}
