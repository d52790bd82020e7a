package dev.truss.domain.platform;

import dev.truss.domain.Text;
import dev.truss.domain.id.CreatorId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A creator's authorised account on a platform. The OAuth tokens ride along sealed; what a
 * client may see is everything else ({@link #withoutTokens()} is what lists return).
 */
public record PlatformConnection(
        CreatorId creatorId,
        Platform platform,
        String accountId,
        String accountName,
        Set<String> scopes,
        Optional<Instant> expiresAt,
        Instant connectedAt,
        Optional<SealedSecret> tokens) {

    public PlatformConnection {
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(expiresAt, "expires at");
        Objects.requireNonNull(connectedAt, "connected at");
        Objects.requireNonNull(tokens, "tokens");
        accountId = Text.required("account id", accountId, 200);
        accountName = Text.optional("account name", accountName, 200);
        scopes = Set.copyOf(scopes);
    }

    /** Expired from {@code expiresAt} on, like magic links and sessions. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    public PlatformConnection withoutTokens() {
        return new PlatformConnection(creatorId, platform, accountId, accountName, scopes, expiresAt, connectedAt,
                Optional.empty());
    }
}
