package dev.truss.application.port.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What a platform granted when the creator authorised Truss. Never printed. */
public record OAuthGrant(
        String accountId,
        String accountName,
        Set<String> scopes,
        AccessToken accessToken,
        Optional<String> refreshToken,
        Optional<Instant> expiresAt) {

    public OAuthGrant {
        Objects.requireNonNull(accountId, "account id");
        Objects.requireNonNull(accessToken, "access token");
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "OAuthGrant[account=" + accountId + ", scopes=" + scopes + ", tokens=***]";
    }
}
