package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformAuthorizer.AuthorizationRequest;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Pkce;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PlatformAuthorizer} must do in the OAuth 2 authorization-code flow. An
 * adapter's test runs it against a stub of the platform's OAuth server; {@link #approve}
 * plays the creator clicking "Allow" there.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class PlatformAuthorizerContract {

    protected static final URI REDIRECT = URI.create("https://truss.example/connect/callback?platform=test");

    private PlatformAuthorizer authorizer;

    protected abstract PlatformAuthorizer newAuthorizer();

    /**
     * The creator approves at {@code authorizationUrl}: returns the redirect the platform
     * sends back, carrying {@code code} and {@code state} query parameters.
     */
    protected abstract URI approve(URI authorizationUrl) throws Exception;

    /**
     * Whether the platform checks the PKCE verifier against the challenge. One that does not
     * (Twitch binds the code to the client secret instead) skips the test of another verifier.
     */
    protected boolean enforcesPkce() {
        return true;
    }

    /**
     * The {@code code_challenge} the consent URL must carry for {@code pkce}: RFC 7636's
     * base64url, unless the platform wants the same digest written otherwise (TikTok: hex).
     */
    protected String expectedChallenge(Pkce pkce) {
        return pkce.challenge();
    }

    /**
     * Whether a grant can be refreshed. One that cannot (a Discord webhook never expires) skips
     * the refresh tests, and the revoke test asks {@link #stillAccepts} instead.
     */
    protected boolean refreshes() {
        return true;
    }

    /**
     * Whether the platform still takes {@code grant}'s access token, asked of the stub. Only a
     * platform that does not {@link #refreshes() refresh} needs it: it is how its revoke is seen.
     */
    protected boolean stillAccepts(OAuthGrant grant) throws Exception {
        throw new AssertionError(getClass().getSimpleName()
                + " does not refresh, so it must override stillAccepts to show what revoking ends");
    }

    @BeforeEach
    void newAuthorizerForEachTest() {
        authorizer = newAuthorizer();
    }

    private final Pkce pkce = Pkce.generate();

    @Test
    void the_authorization_url_carries_the_state_the_redirect_and_the_pkce_challenge() {
        String state = "st&te=with spaces/ünïcode";

        URI url = authorizer.authorizationUrl(new AuthorizationRequest(state, pkce.challenge(), REDIRECT));

        assertThat(url.isAbsolute()).isTrue();
        assertThat(query(url, "state")).contains(state);
        assertThat(query(url, "redirect_uri")).contains(REDIRECT.toString());
        assertThat(query(url, "response_type")).contains("code");
        assertThat(query(url, "code_challenge")).contains(expectedChallenge(pkce));
        assertThat(query(url, "code_challenge_method")).contains("S256");
        assertThat(url.toString()).doesNotContain(pkce.verifier());
    }

    @Test
    void approving_redirects_back_with_a_code_and_the_same_state() throws Exception {
        URI back = approve(authorizer.authorizationUrl(new AuthorizationRequest("state-1", pkce.challenge(), REDIRECT)));

        assertThat(back.toString()).startsWith(REDIRECT.toString());
        assertThat(query(back, "state")).contains("state-1");
        assertThat(query(back, "code")).hasValueSatisfying(code -> assertThat(code).isNotBlank());
    }

    @Test
    void an_issued_code_exchanges_for_a_grant_with_an_account_and_an_access_token() throws Exception {
        OAuthGrant grant = authorizer.exchange(issuedCode(), pkce.verifier(), REDIRECT);

        assertThat(grant.accountId()).isNotBlank();
        assertThat(grant.accessToken().value()).isNotBlank();
    }

    @Test
    void a_code_exchanges_only_once() throws Exception {
        String code = issuedCode();
        authorizer.exchange(code, pkce.verifier(), REDIRECT);

        assertThatThrownBy(() -> authorizer.exchange(code, pkce.verifier(), REDIRECT))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void an_unknown_code_is_refused() {
        assertThatThrownBy(() -> authorizer.exchange("never-issued", pkce.verifier(), REDIRECT))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void a_code_sent_with_another_redirect_is_refused() throws Exception {
        String code = issuedCode();

        assertThatThrownBy(() -> authorizer.exchange(code, pkce.verifier(), URI.create("https://evil.example/callback")))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void a_code_sent_with_another_pkce_verifier_is_refused() throws Exception {
        assumeTrue(enforcesPkce(), "this platform does not check PKCE verifiers");
        String code = issuedCode();

        assertThatThrownBy(() -> authorizer.exchange(code, Pkce.generate().verifier(), REDIRECT))
                .isInstanceOf(PlatformException.class)
                .satisfies(e -> assertThat(((PlatformException) e).failure()).isEqualTo(Failure.REFUSED));
    }

    @Test
    void after_revoking_the_grant_no_longer_works() throws Exception {
        OAuthGrant grant = authorizer.exchange(issuedCode(), pkce.verifier(), REDIRECT);

        authorizer.revoke(grant.accessToken(), grant.refreshToken());

        if (refreshes()) {
            String refreshToken = grant.refreshToken().orElseThrow(() -> new AssertionError("no refresh token granted"));
            assertThatThrownBy(() -> authorizer.refresh(refreshToken)).isInstanceOf(PlatformException.class);
        } else { // refresh refuses anyway, so it would prove nothing here
            assertThat(stillAccepts(grant)).as("the platform still takes the revoked access token").isFalse();
        }
    }

    @Test
    void refreshing_an_issued_refresh_token_gives_a_new_access_token_for_the_same_account() throws Exception {
        assumeTrue(refreshes(), "this platform's grants are not refreshed");
        OAuthGrant first = authorizer.exchange(issuedCode(), pkce.verifier(), REDIRECT);
        String refreshToken = first.refreshToken().orElseThrow(() -> new AssertionError("no refresh token granted"));

        OAuthGrant refreshed = authorizer.refresh(refreshToken);

        assertThat(refreshed.accountId()).isEqualTo(first.accountId());
        assertThat(refreshed.accessToken().value()).isNotBlank().isNotEqualTo(first.accessToken().value());
    }

    @Test
    void an_unknown_refresh_token_is_refused() {
        assumeTrue(refreshes(), "this platform's grants are not refreshed");
        assertThatThrownBy(() -> authorizer.refresh("never-issued")).isInstanceOf(PlatformException.class);
    }

    @Test
    void the_grant_never_prints_its_tokens() throws Exception {
        OAuthGrant grant = authorizer.exchange(issuedCode(), pkce.verifier(), REDIRECT);

        assertThat(grant.toString()).doesNotContain(grant.accessToken().value());
        grant.refreshToken().ifPresent(refresh -> assertThat(grant.toString()).doesNotContain(refresh));
    }

    private String issuedCode() throws Exception {
        return query(approve(authorizer.authorizationUrl(new AuthorizationRequest("state", pkce.challenge(), REDIRECT))),
                "code")
                .orElseThrow(() -> new AssertionError("the redirect carries no code"));
    }

    /** The decoded value of a query parameter. */
    protected static Optional<String> query(URI url, String name) {
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
}
