package dev.truss.adapters.platforms.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Reply;
import dev.truss.adapters.platforms.tiktok.TikTokAuthorizer;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer.AuthorizationRequest;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Pkce;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TikTokAuthorizerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final URI REDIRECT = OAuthStandIn.REGISTERED_REDIRECT;

    private final OAuthStandIn tiktok = new OAuthStandIn(OAuthStandIn.Flavor.TIKTOK);
    private final TikTokAuthorizer authorizer = new TikTokAuthorizer(tiktok.settings(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final Pkce pkce = Pkce.generate();

    @AfterEach
    void stop() {
        tiktok.close();
    }

    @Test
    void the_consent_names_the_client_key_separates_scopes_with_commas_and_writes_the_challenge_in_hex()
            throws Exception {
        URI url = authorizer.authorizationUrl(new AuthorizationRequest("s", pkce.challenge(), REDIRECT));

        Map<String, String> query = StandInServer.form(url.getRawQuery());
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(pkce.verifier().getBytes(StandardCharsets.US_ASCII)));
        assertThat(url.getPath()).isEqualTo("/v2/auth/authorize/");
        assertThat(query).containsEntry("client_key", OAuthStandIn.CLIENT_ID).doesNotContainKey("client_id")
                .containsEntry("scope", "user.info.basic,video.publish,video.upload")
                .containsEntry("code_challenge", hex).containsEntry("code_challenge_method", "S256");
    }

    @Test
    void the_code_is_traded_with_the_client_key_and_secret_and_the_account_is_the_open_id() throws Exception {
        String code = tiktok.issueCode(authorizer, pkce);

        OAuthGrant grant = authorizer.exchange(code, pkce.verifier(), REDIRECT);

        assertThat(tiktok.last("POST", "/v2/oauth/token/")).containsOnly(Map.entry("client_key", OAuthStandIn.CLIENT_ID),
                Map.entry("client_secret", OAuthStandIn.CLIENT_SECRET), Map.entry("grant_type", "authorization_code"),
                Map.entry("code", code), Map.entry("redirect_uri", REDIRECT.toString()),
                Map.entry("code_verifier", pkce.verifier()));
        assertThat(tiktok.last("GET", "/v2/user/info/")).containsEntry("fields", "open_id,display_name");
        assertThat(grant.accountId()).isEqualTo("tiktok-open-id-1");
        assertThat(grant.accountName()).isEqualTo("Truss Creator");
        assertThat(grant.scopes()).containsExactlyInAnyOrder("user.info.basic", "video.publish", "video.upload");
        assertThat(grant.expiresAt()).contains(NOW.plusSeconds(86400));
    }

    @Test
    void an_error_in_a_200_answer_is_a_refusal() throws Exception {
        String code = tiktok.issueCode(authorizer, pkce);

        assertThatThrownBy(() -> authorizer.exchange(code, Pkce.generate().verifier(), REDIRECT))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("invalid_grant").hasMessageNotContaining(code);
        assertThat(tiktok.server().received("GET", "/v2/user/info/")).isEmpty();
    }

    @Test
    void a_temporary_error_in_a_200_answer_is_temporary() {
        tiktok.server().route("POST", "/v2/oauth/token/",
                (r, m, x) -> Reply.json(200, "{\"error\":\"temporarily_unavailable\",\"log_id\":\"x\"}"));

        assertThatThrownBy(() -> authorizer.refresh("any")).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.TEMPORARY));
    }

    @Test
    void a_refresh_rotates_the_refresh_token_and_the_old_one_stops_working() throws Exception {
        OAuthGrant first = authorizer.exchange(tiktok.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);
        String old = first.refreshToken().orElseThrow();

        OAuthGrant refreshed = authorizer.refresh(old);

        assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
        assertThat(tiktok.last("POST", "/v2/oauth/token/")).containsEntry("grant_type", "refresh_token")
                .containsEntry("client_key", OAuthStandIn.CLIENT_ID).containsEntry("refresh_token", old);
        assertThatThrownBy(() -> authorizer.refresh(old)).isInstanceOf(PlatformException.class);
    }

    @Test
    void revoking_sends_the_access_token_with_the_client_key_and_secret() throws Exception {
        OAuthGrant grant = authorizer.exchange(tiktok.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);

        authorizer.revoke(grant.accessToken(), grant.refreshToken());

        assertThat(tiktok.last("POST", "/v2/oauth/revoke/")).containsOnly(Map.entry("client_key", OAuthStandIn.CLIENT_ID),
                Map.entry("client_secret", OAuthStandIn.CLIENT_SECRET), Map.entry("token", grant.accessToken().value()));
        assertThatThrownBy(() -> authorizer.refresh(grant.refreshToken().orElseThrow()))
                .isInstanceOf(PlatformException.class);
    }
}
