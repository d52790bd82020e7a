package dev.truss.application.fake;

import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Pkce;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A platform's OAuth server in memory. {@link #approve} plays the creator clicking "Allow":
 * it answers an authorization URL with the redirect the platform would send, carrying a
 * one-time code and the state. Codes are single-use and bound to their redirect URI and PKCE
 * challenge, as OAuth 2.1 requires; anything else is refused with a {@link PlatformException}. Thread-safe.
 */
public final class InMemoryPlatformAuthorizer implements PlatformAuthorizer {

    /** Access tokens live this long, as at most platforms. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private record Account(String id, String name) {
    }

    private record Issued(Account account, URI redirect, String challenge) {
    }

    private final Platform platform;
    private final Clock clock;
    private final Map<String, Issued> codes = new HashMap<>();
    private final Map<String, Account> refreshTokens = new HashMap<>();
    private final Set<String> validAccessTokens = new HashSet<>();
    private long counter;
    private int revocations;

    public InMemoryPlatformAuthorizer(Platform platform, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        return URI.create("https://" + platform.slug() + ".example/oauth/authorize?response_type=code&client_id=truss"
                + "&redirect_uri=" + encode(request.redirect().toString()) + "&state=" + encode(request.state())
                + "&code_challenge=" + encode(request.codeChallenge()) + "&code_challenge_method=S256");
    }

    /** The creator allows access as a default account; returns the redirect with {@code code} and {@code state}. */
    public URI approve(URI authorizationUrl) {
        return approve(authorizationUrl, platform.slug() + "-account-1", "Test Creator");
    }

    public synchronized URI approve(URI authorizationUrl, String accountId, String accountName) {
        URI redirect = URI.create(query(authorizationUrl, "redirect_uri")
                .orElseThrow(() -> new IllegalArgumentException("no redirect_uri in " + authorizationUrl)));
        String state = query(authorizationUrl, "state").orElse("");
        String challenge = query(authorizationUrl, "code_challenge").orElse("");
        String code = "code-" + (++counter);
        codes.put(code, new Issued(new Account(accountId, accountName), redirect, challenge));
        String sep = redirect.getRawQuery() == null ? "?" : "&";
        return URI.create(redirect + sep + "code=" + encode(code) + "&state=" + encode(state));
    }

    @Override
    public synchronized OAuthGrant exchange(String code, String codeVerifier, URI redirect) {
        Issued issued = codes.remove(code); // single use, even when the redirect or verifier is wrong
        if (issued == null) {
            throw PlatformException.refused(platform.slug() + " refused the code: invalid_grant");
        }
        if (!issued.redirect().equals(redirect)) {
            throw PlatformException.refused(platform.slug() + " refused the code: redirect_uri mismatch");
        }
        if (!issued.challenge().equals(challengeOf(codeVerifier))) {
            throw PlatformException.refused(platform.slug() + " refused the code: code_verifier mismatch");
        }
        String refresh = "refresh-" + (++counter);
        refreshTokens.put(refresh, issued.account());
        return grant(issued.account(), Optional.of(refresh));
    }

    @Override
    public synchronized OAuthGrant refresh(String refreshToken) {
        Account account = refreshTokens.get(refreshToken);
        if (account == null) {
            throw PlatformException.refused(platform.slug() + " refused the refresh token: invalid_grant");
        }
        return grant(account, Optional.of(refreshToken));
    }

    /** Truss disconnects: the tokens stop working. */
    @Override
    public synchronized void revoke(AccessToken accessToken, Optional<String> refreshToken) {
        revocations++;
        validAccessTokens.remove(accessToken.value());
        refreshToken.ifPresent(refreshTokens::remove);
    }

    /** The creator disconnects Truss on the platform's own settings page: the refresh token stops working. */
    public synchronized void revokeOnPlatform(String refreshToken) {
        refreshTokens.remove(refreshToken);
    }

    /** Calls to {@link #revoke}. */
    public synchronized int revocations() {
        return revocations;
    }

    /** The access token expires early, as when the platform rotates its keys: publishers get a 401. */
    public synchronized void expire(AccessToken token) {
        validAccessTokens.remove(token.value());
    }

    /** Whether the platform would accept this access token (ignoring expiry). */
    public synchronized boolean issued(AccessToken token) {
        return validAccessTokens.contains(token.value());
    }

    private OAuthGrant grant(Account account, Optional<String> refresh) {
        String access = "access-" + (++counter);
        validAccessTokens.add(access);
        Instant expiresAt = clock.instant().plus(TOKEN_LIFETIME);
        return new OAuthGrant(account.id(), account.name(), Set.of(platform.slug() + ".upload"),
                new AccessToken(access), refresh, Optional.of(expiresAt));
    }

    private static Optional<String> query(URI url, String name) {
        String raw = url.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Optional.of(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    private static String challengeOf(String verifier) {
        try {
            return new Pkce(verifier).challenge();
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
