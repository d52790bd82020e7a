package dev.truss.application.publishing;

import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.domain.platform.SealedSecret;
import java.util.Optional;

/** Seals a grant's tokens for storage and opens them for a call; tokens never exist in the clear at rest. */
record PlatformTokens(AccessToken access, Optional<String> refresh) {

    static PlatformTokens of(OAuthGrant grant) {
        return new PlatformTokens(grant.accessToken(), grant.refreshToken());
    }

    // Tokens are printable ASCII without line breaks (RFC 6749 §A.12), so a newline separates them safely.
    SealedSecret seal(SecretSealer sealer) {
        return sealer.seal(access.value() + "\n" + refresh.orElse(""));
    }

    static PlatformTokens unseal(SealedSecret sealed, SecretSealer sealer) {
        String[] parts = sealer.unseal(sealed).split("\n", 2);
        return new PlatformTokens(new AccessToken(parts[0]),
                parts.length < 2 || parts[1].isEmpty() ? Optional.empty() : Optional.of(parts[1]));
    }
}
