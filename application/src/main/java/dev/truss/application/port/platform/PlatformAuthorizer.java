package dev.truss.application.port.platform;

import dev.truss.domain.platform.Platform;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** The OAuth 2 authorization-code flow of one platform, with PKCE (RFC 7636, method S256). */
public interface PlatformAuthorizer {

    /** What the consent page needs: the state the platform hands back, the S256 challenge and where to return. */
    record AuthorizationRequest(String state, String codeChallenge, URI redirect) {
        public AuthorizationRequest {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(codeChallenge, "code challenge");
            Objects.requireNonNull(redirect, "redirect");
        }
    }

    Platform platform();

    /** Where to send the creator to authorise Truss. */
    URI authorizationUrl(AuthorizationRequest request);

    /** Trades the code the platform sent back, proving the PKCE verifier; {@link PlatformException} when refused. */
    OAuthGrant exchange(String code, String codeVerifier, URI redirect);

    /** A fresh access token from a refresh token; the grant may carry a new refresh token (rotation). */
    OAuthGrant refresh(String refreshToken);

    /**
     * Revokes the grant at the platform, so the tokens stop working even if they leaked.
     * {@link PlatformException} when the platform refuses or cannot be reached.
     */
    void revoke(AccessToken accessToken, Optional<String> refreshToken);
}
