package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth 2 authorization-code flow with PKCE (RFC 6749, RFC 7636) over {@link PlatformHttp}.
 * A platform's authorizer gives its {@link CodeFlowDialect}, says whose account a token is
 * ({@link #account}) and how to revoke. Token endpoint refusals are {@link Failure#REFUSED}
 * (a 401 there means Truss's client credentials, which no refresh fixes); 5xx, 429 and
 * timeouts are {@link Failure#TEMPORARY}. An error in a 200 body (TikTok) is a refusal too.
 */
public abstract class CodeFlowAuthorizer implements PlatformAuthorizer {

    /** Who granted the token, as the platform names them. */
    protected record Account(String id, String name) {
        public Account {
            Objects.requireNonNull(id, "account id");
        }
    }

    private static final Set<String> TEMPORARY_ERRORS = Set.of("server_error", "temporarily_unavailable",
            "rate_limit_exceeded");

    protected final Platform platform;
    protected final PlatformSettings settings;
    protected final PlatformHttp http;
    protected final CodeFlowDialect dialect;
    private final Clock clock;

    protected CodeFlowAuthorizer(Platform platform, PlatformSettings settings, CodeFlowDialect dialect, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new PlatformHttp(platform, settings);
    }

    /** Whose account {@code token} opens; {@link PlatformException} when the platform will not say. */
    protected abstract Account account(AccessToken token);

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(dialect.clientIdField(), settings.client().id());
        query.put("response_type", "code");
        query.put("redirect_uri", request.redirect().toString());
        query.put("scope", String.join(dialect.scopeSeparator(), dialect.scopes()));
        query.put("state", request.state());
        query.put("code_challenge", dialect.challenge().write(request.codeChallenge()));
        query.put("code_challenge_method", "S256");
        query.putAll(dialect.consentParameters());
        return URI.create(settings.endpoints().authorize() + "?" + PlatformHttp.formEncoded(query));
    }

    @Override
    public OAuthGrant exchange(String code, String codeVerifier, URI redirect) {
        Map<String, String> form = clientFields();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect.toString());
        if (dialect.sendsVerifier()) {
            form.put("code_verifier", codeVerifier);
        }
        return grant(tokenCall(form, "trade the authorization code"), Optional.empty());
    }

    @Override
    public OAuthGrant refresh(String refreshToken) {
        Map<String, String> form = clientFields();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return grant(tokenCall(form, "refresh the access token"), Optional.of(refreshToken));
    }

    /**
     * The grant a token answer makes. Platforms that rotate refresh tokens send a new one; the
     * others (Google) keep the one just used.
     */
    protected OAuthGrant grant(JsonNode answer, Optional<String> usedRefreshToken) {
        AccessToken access = new AccessToken(requiredText(answer, "access_token"));
        Optional<String> refresh = text(answer.path("refresh_token")).or(() -> usedRefreshToken);
        Account account = account(access);
        return new OAuthGrant(account.id(), account.name(), scopes(answer.path("scope")), access, refresh,
                expiresAt(answer));
    }

    /** {@code client_id} (or the dialect's name for it) and {@code client_secret}, in a fresh form. */
    protected Map<String, String> clientFields() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(dialect.clientIdField(), settings.client().id());
        form.put("client_secret", settings.client().secret());
        return form;
    }

    /** Posts a form to the token endpoint; the JSON answer, or the refusal it means. */
    protected JsonNode tokenCall(Map<String, String> form, String what) {
        return successBody(postForm(settings.endpoints().token(), form, what), what);
    }

    /** Posts a form and returns whatever the platform answered (a connection failure throws). */
    protected PlatformHttp.Response postForm(URI url, Map<String, String> form, String what) {
        return http.send(http.request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(PlatformHttp.form(form)).build(), what);
    }

    /** The JSON of a success; an error status, or an OAuth {@code error} in a 2xx body, throws. */
    protected JsonNode successBody(PlatformHttp.Response response, String what) {
        if (!response.ok()) {
            PlatformException failure = http.failure(response, what);
            if (failure.failure() == Failure.TOKEN_REJECTED) { // invalid_client: Truss's credentials, not the creator's token
                throw new PlatformException(failure.getMessage(), Failure.REFUSED);
            }
            throw failure;
        }
        JsonNode body = response.json();
        Optional<String> error = text(body.path("error"));
        if (error.isPresent()) {
            String message = platform.slug() + " refused to " + what + ": " + error.get()
                    + text(body.path("error_description")).map(d -> " (" + d + ")").orElse("");
            throw new PlatformException(message,
                    TEMPORARY_ERRORS.contains(error.get()) ? Failure.TEMPORARY : Failure.REFUSED);
        }
        if (!body.isObject()) {
            throw PlatformException.temporary(platform.slug() + " answered " + what + " with no JSON", null);
        }
        return body;
    }

    protected Optional<Instant> expiresAt(JsonNode answer) {
        JsonNode seconds = answer.path("expires_in");
        return seconds.isNumber() ? Optional.of(clock.instant().plusSeconds(seconds.asLong())) : Optional.empty();
    }

    /** Scopes as a space- or comma-separated string (Google, TikTok, Discord) or an array (Twitch). */
    protected static Set<String> scopes(JsonNode scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope.isArray()) {
            scope.forEach(s -> text(s).ifPresent(scopes::add));
        } else {
            text(scope).ifPresent(s -> {
                for (String one : s.split("[ ,]+")) {
                    if (!one.isEmpty()) {
                        scopes.add(one);
                    }
                }
            });
        }
        return scopes;
    }

    protected static Optional<String> text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank() ? Optional.of(node.stringValue()) : Optional.empty();
    }

    /** A field the answer must carry; its absence is the platform breaking its own protocol. */
    protected String requiredText(JsonNode node, String field) {
        return text(node.path(field)).orElseThrow(() -> PlatformException.refused(
                platform.slug() + " answered without " + field));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + settings.client() + "]";
    }
}
