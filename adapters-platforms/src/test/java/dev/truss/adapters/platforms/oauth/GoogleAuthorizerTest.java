package dev.truss.adapters.platforms.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Reply;
import dev.truss.adapters.platforms.youtube.GoogleAuthorizer;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer.AuthorizationRequest;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Pkce;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoogleAuthorizerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final URI REDIRECT = OAuthStandIn.REGISTERED_REDIRECT;

    private final OAuthStandIn google = new OAuthStandIn(OAuthStandIn.Flavor.GOOGLE);
    private final GoogleAuthorizer authorizer = new GoogleAuthorizer(google.settings(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final Pkce pkce = Pkce.generate();

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void the_consent_asks_for_offline_access_with_a_forced_consent_and_both_youtube_scopes() {
        URI url = authorizer.authorizationUrl(new AuthorizationRequest("s", pkce.challenge(), REDIRECT));

        Map<String, String> query = StandInServer.form(url.getRawQuery());
        assertThat(url.getPath()).isEqualTo("/o/oauth2/v2/auth");
        assertThat(query).containsEntry("client_id", OAuthStandIn.CLIENT_ID).containsEntry("access_type", "offline")
                .containsEntry("prompt", "consent").containsEntry("include_granted_scopes", "true")
                .containsEntry("scope", "https://www.googleapis.com/auth/youtube.upload "
                        + "https://www.googleapis.com/auth/youtube.readonly")
                .doesNotContainKey("client_secret");
    }

    @Test
    void the_code_is_traded_with_the_client_credentials_the_verifier_and_the_same_redirect() throws Exception {
        String code = google.issueCode(authorizer, pkce);

        authorizer.exchange(code, pkce.verifier(), REDIRECT);

        assertThat(google.server().received("POST", "/token").get(0).header("Content-Type"))
                .startsWith("application/x-www-form-urlencoded");
        assertThat(google.last("POST", "/token")).containsOnly(Map.entry("client_id", OAuthStandIn.CLIENT_ID),
                Map.entry("client_secret", OAuthStandIn.CLIENT_SECRET), Map.entry("grant_type", "authorization_code"),
                Map.entry("code", code), Map.entry("redirect_uri", REDIRECT.toString()),
                Map.entry("code_verifier", pkce.verifier()));
    }

    @Test
    void the_grant_names_the_youtube_channel_and_expires_when_google_says() throws Exception {
        OAuthGrant grant = authorizer.exchange(google.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);

        assertThat(grant.accountId()).isEqualTo("UC-truss-channel");
        assertThat(grant.accountName()).isEqualTo("Truss Creator");
        assertThat(grant.scopes()).containsExactlyInAnyOrder("https://www.googleapis.com/auth/youtube.upload",
                "https://www.googleapis.com/auth/youtube.readonly");
        assertThat(grant.expiresAt()).contains(NOW.plusSeconds(3599));
        assertThat(google.server().received("GET", "/youtube/v3/channels").get(0).header("Authorization"))
                .isEqualTo("Bearer " + grant.accessToken().value());
    }

    @Test
    void a_google_account_without_a_channel_is_refused_plainly() throws Exception {
        google.withoutChannel();
        String code = google.issueCode(authorizer, pkce);

        assertThatThrownBy(() -> authorizer.exchange(code, pkce.verifier(), REDIRECT))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("this Google account has no YouTube channel");
    }

    @Test
    void a_refresh_keeps_the_refresh_token_because_google_does_not_rotate_it() throws Exception {
        OAuthGrant first = authorizer.exchange(google.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);

        OAuthGrant refreshed = authorizer.refresh(first.refreshToken().orElseThrow());

        assertThat(refreshed.refreshToken()).isEqualTo(first.refreshToken());
        assertThat(authorizer.refresh(first.refreshToken().orElseThrow()).accessToken()).isNotNull();
    }

    @Test
    void revoking_sends_the_refresh_token_alone_which_ends_the_grant() throws Exception {
        OAuthGrant grant = authorizer.exchange(google.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);

        authorizer.revoke(grant.accessToken(), grant.refreshToken());

        assertThat(google.last("POST", "/revoke")).containsOnly(Map.entry("token", grant.refreshToken().orElseThrow()));
        authorizer.revoke(grant.accessToken(), grant.refreshToken()); // already revoked: done, not an error
    }

    @Test
    void a_wrong_verifier_is_refused_without_quoting_the_code_the_verifier_or_the_secret() throws Exception {
        String code = google.issueCode(authorizer, pkce);
        String wrong = Pkce.generate().verifier();

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> authorizer.exchange(code, wrong, REDIRECT));

        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("HTTP 400", "Code verifier").doesNotContain(code, wrong,
                pkce.verifier(), OAuthStandIn.CLIENT_SECRET);
    }

    @Test
    void a_rejected_client_secret_is_a_refusal_not_a_token_to_refresh() throws Exception {
        google.server().route("POST", "/token", (r, m, x) -> Reply.json(401, "{\"error\":\"invalid_client\"}"));

        assertThatThrownBy(() -> authorizer.refresh("any"))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageNotContaining(OAuthStandIn.CLIENT_SECRET);
    }

    @Test
    void an_overloaded_token_endpoint_is_temporary_with_its_retry_after() {
        google.server().route("POST", "/token", (r, m, x) -> Reply.json(503, "{}").withHeader("Retry-After", "7"));

        assertThatThrownBy(() -> authorizer.refresh("any")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.TEMPORARY);
            assertThat(e.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(7)));
        });
    }
}
