package dev.truss.adapters.platforms.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.adapters.platforms.twitch.TwitchAuthorizer;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer.AuthorizationRequest;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Pkce;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwitchAuthorizerTest {

    private static final URI REDIRECT = OAuthStandIn.REGISTERED_REDIRECT;

    private final OAuthStandIn twitch = new OAuthStandIn(OAuthStandIn.Flavor.TWITCH);
    private final TwitchAuthorizer authorizer = new TwitchAuthorizer(twitch.settings(), Clock.systemUTC());
    private final Pkce pkce = Pkce.generate();

    @AfterEach
    void stop() {
        twitch.close();
    }

    @Test
    void the_consent_asks_for_clip_and_chat_scopes() {
        URI url = authorizer.authorizationUrl(new AuthorizationRequest("s", pkce.challenge(), REDIRECT));

        assertThat(url.getPath()).isEqualTo("/oauth2/authorize");
        assertThat(StandInServer.form(url.getRawQuery())).containsEntry("client_id", OAuthStandIn.CLIENT_ID)
                .containsEntry("scope", "clips:edit user:read:chat");
    }

    @Test
    void the_code_is_bound_by_the_client_secret_and_no_verifier_is_sent() throws Exception {
        String code = twitch.issueCode(authorizer, pkce);

        OAuthGrant grant = authorizer.exchange(code, pkce.verifier(), REDIRECT);

        assertThat(twitch.last("POST", "/oauth2/token")).containsOnly(Map.entry("client_id", OAuthStandIn.CLIENT_ID),
                Map.entry("client_secret", OAuthStandIn.CLIENT_SECRET), Map.entry("grant_type", "authorization_code"),
                Map.entry("code", code), Map.entry("redirect_uri", REDIRECT.toString()));
        assertThat(grant.scopes()).containsExactlyInAnyOrder("clips:edit", "user:read:chat");
    }

    @Test
    void the_broadcaster_is_asked_of_helix_with_the_client_id_beside_the_bearer_token() throws Exception {
        OAuthGrant grant = authorizer.exchange(twitch.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);

        Recorded users = twitch.server().received("GET", "/helix/users").get(0);
        assertThat(users.header("Client-Id")).isEqualTo(OAuthStandIn.CLIENT_ID);
        assertThat(users.header("Authorization")).isEqualTo("Bearer " + grant.accessToken().value());
        assertThat(grant.accountId()).isEqualTo("141981764");
        assertThat(grant.accountName()).isEqualTo("TrussCreator");
    }

    @Test
    void a_refresh_rotates_the_refresh_token() throws Exception {
        OAuthGrant first = authorizer.exchange(twitch.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);

        OAuthGrant refreshed = authorizer.refresh(first.refreshToken().orElseThrow());

        assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> authorizer.refresh(first.refreshToken().orElseThrow()))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void revoking_sends_the_client_id_and_the_access_token() throws Exception {
        OAuthGrant grant = authorizer.exchange(twitch.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);

        authorizer.revoke(grant.accessToken(), grant.refreshToken());

        assertThat(twitch.last("POST", "/oauth2/revoke")).containsOnly(Map.entry("client_id", OAuthStandIn.CLIENT_ID),
                Map.entry("token", grant.accessToken().value()));
    }

    @Test
    void revoking_with_an_expired_access_token_revokes_a_fresh_one_so_the_refresh_token_dies_too() throws Exception {
        OAuthGrant grant = authorizer.exchange(twitch.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);
        twitch.expire(grant.accessToken().value());

        authorizer.revoke(grant.accessToken(), grant.refreshToken());

        List<Recorded> revokes = twitch.server().received("POST", "/oauth2/revoke");
        assertThat(revokes).hasSize(2);
        assertThat(revokes.get(1).form().get("token")).isNotEqualTo(grant.accessToken().value());
        assertThat(twitch.server().received("POST", "/oauth2/token")).hasSize(2); // the code, then one refresh
    }
}
