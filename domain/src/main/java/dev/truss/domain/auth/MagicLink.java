package dev.truss.domain.auth;

import dev.truss.domain.creator.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A one-time login link sent by mail: stored by the hash of its token, valid for a short time. */
public record MagicLink(TokenHash tokenHash, EmailAddress email, Instant createdAt, Instant expiresAt) {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    public MagicLink {
        Objects.requireNonNull(tokenHash, "token hash");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(expiresAt, "expires at");
    }

    public static MagicLink issue(TokenHash hash, EmailAddress email, Instant now) {
        return new MagicLink(hash, email, now, now.plus(LIFETIME));
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
