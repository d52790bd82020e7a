package dev.truss.adapters.platforms.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.discord.DiscordAuthorizer;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer.AuthorizationRequest;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Pkce;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DiscordAuthorizerTest {

    private static final URI REDIRECT = OAuthStandIn.REGISTERED_REDIRECT;

    private final OAuthStandIn discord = new OAuthStandIn(OAuthStandIn.Flavor.DISCORD);
    private final DiscordAuthorizer authorizer = new DiscordAuthorizer(discord.settings(), Clock.systemUTC());
    private final Pkce pkce = Pkce.generate();

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    void the_consent_asks_for_an_incoming_webhook() {
        URI url = authorizer.authorizationUrl(new AuthorizationRequest("s", pkce.challenge(), REDIRECT));

        assertThat(url.getPath()).isEqualTo("/oauth2/authorize");
        assertThat(StandInServer.form(url.getRawQuery())).containsEntry("scope", "webhook.incoming")
                .containsEntry("client_id", OAuthStandIn.CLIENT_ID);
    }

    @Test
    void the_grant_is_the_webhook_its_url_the_access_token_and_it_never_expires() throws Exception {
        String code = discord.issueCode(authorizer, pkce);

        OAuthGrant grant = authorizer.exchange(code, pkce.verifier(), REDIRECT);

        assertThat(discord.last("POST", "/api/oauth2/token")).containsEntry("client_id", OAuthStandIn.CLIENT_ID)
                .containsEntry("client_secret", OAuthStandIn.CLIENT_SECRET).containsEntry("code", code)
                .containsEntry("code_verifier", pkce.verifier()).containsEntry("redirect_uri", REDIRECT.toString());
        assertThat(grant.accessToken().value()).startsWith(discord.settings().endpoints().api() + "/webhooks/"
                + grant.accountId() + "/hook-TOKEN-");
        assertThat(discord.webhookExists(grant.accountId())).isTrue();
        assertThat(grant.accountName()).isEqualTo("Truss clips");
        assertThat(grant.scopes()).containsExactly("webhook.incoming");
        assertThat(grant.expiresAt()).isEmpty();
        assertThat(grant.toString()).doesNotContain("hook-TOKEN");
    }

    @Test
    void a_refresh_asks_to_reconnect_without_calling_discord() {
        assertThatThrownBy(() -> authorizer.refresh("refresh-1"))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("reconnect Discord");
        assertThat(discord.server().received()).isEmpty();
    }

    @Test
    void revoking_deletes_the_webhook_and_revokes_the_authorization() throws Exception {
        OAuthGrant grant = authorizer.exchange(discord.issueCode(authorizer, pkce), pkce.verifier(), REDIRECT);

        authorizer.revoke(grant.accessToken(), grant.refreshToken());

        assertThat(discord.server().received("DELETE", "/api/webhooks/\\d+/.+")).hasSize(1);
        assertThat(discord.webhookExists(grant.accountId())).isFalse();
        assertThat(discord.last("POST", "/api/oauth2/token/revoke")).containsOnly(
                Map.entry("client_id", OAuthStandIn.CLIENT_ID), Map.entry("client_secret", OAuthStandIn.CLIENT_SECRET),
                Map.entry("token", grant.refreshToken().orElseThrow()), Map.entry("token_type_hint", "refresh_token"));
        authorizer.revoke(grant.accessToken(), grant.refreshToken()); // the webhook already gone is fine
    }

    @Test
    void a_stored_url_off_discords_api_is_never_called() {
        assertThatThrownBy(() -> authorizer.revoke(new AccessToken(
                "https://evil.example/api/webhooks/1/secret"), Optional.empty()))
                .isInstanceOf(PlatformException.class).hasMessageNotContaining("secret");
        assertThat(discord.server().received()).isEmpty();
    }
}
