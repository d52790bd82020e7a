package dev.truss.domain.platform;

import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.id.CreatorId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth consent under way: what the {@code state} handed to the platform stands for. Keyed by
 * the state's hash; bound to the creator, to the login session that started it and to the
 * redirect, and holding the PKCE verifier (sealed) that trades the code. Used once, and only
 * until {@code expiresAt}.
 */
public record PendingAuthorization(TokenHash state, CreatorId creatorId, TokenHash session, Platform platform,
                                   URI redirect, SealedSecret codeVerifier, Instant expiresAt) {

    public PendingAuthorization {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(codeVerifier, "code verifier");
        Objects.requireNonNull(expiresAt, "expires at");
    }

    /** Expired from {@code expiresAt} on, like magic links and sessions. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether this consent was started by {@code creator} in {@code session}, for {@code platform}, returning to {@code to}. */
    public boolean belongsTo(CreatorId creator, TokenHash inSession, Platform forPlatform, URI to) {
        return creatorId.equals(creator) && session.equals(inSession) && platform == forPlatform && redirect.equals(to);
    }
}
