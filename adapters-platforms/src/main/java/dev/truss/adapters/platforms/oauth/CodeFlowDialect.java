package dev.truss.adapters.platforms.oauth;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one platform words the standard flow: the name of the client id field ({@code client_key}
 * at TikTok), the scopes and their separator, extra consent parameters, how the S256 challenge
 * is written, and whether the token endpoint takes the PKCE verifier at all.
 */
public record CodeFlowDialect(String clientIdField, List<String> scopes, String scopeSeparator,
                              Map<String, String> consentParameters, Challenge challenge, boolean sendsVerifier) {

    /** How the SHA-256 of the verifier is written in the consent URL. */
    public enum Challenge {
        /** RFC 7636: {@code BASE64URL(SHA-256(verifier))}, as the port hands it over. */
        BASE64URL,
        /** TikTok: the same digest in lower-case hex. */
        HEX;

        /** The port's RFC 7636 challenge written this way; the digest itself is unchanged. */
        public String write(String base64UrlChallenge) {
            if (this == BASE64URL) {
                return base64UrlChallenge;
            }
            byte[] digest = Base64.getUrlDecoder().decode(base64UrlChallenge);
            if (digest.length != 32) {
                throw new IllegalArgumentException("an S256 challenge is a 32-byte SHA-256 digest");
            }
            return HexFormat.of().formatHex(digest);
        }
    }

    public CodeFlowDialect {
        Objects.requireNonNull(clientIdField, "client id field");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(scopeSeparator, "scope separator");
        consentParameters = Map.copyOf(consentParameters);
        Objects.requireNonNull(challenge, "challenge");
    }
}
