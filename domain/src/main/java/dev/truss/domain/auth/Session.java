package dev.truss.domain.auth;

import dev.truss.domain.id.CreatorId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A logged-in browser: kept server-side by the hash of its cookie token, so logging out revokes it. */
public record Session(TokenHash tokenHash, CreatorId creatorId, Instant createdAt, Instant expiresAt) {

    public static final Duration LIFETIME = Duration.ofDays(30);

    public Session {
        Objects.requireNonNull(tokenHash, "token hash");
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(expiresAt, "expires at");
    }

    public static Session open(TokenHash hash, CreatorId creator, Instant now) {
        return new Session(hash, creator, now, now.plus(LIFETIME));
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
