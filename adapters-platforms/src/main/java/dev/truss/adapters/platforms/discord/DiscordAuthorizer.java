package dev.truss.adapters.platforms.discord;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.oauth.CodeFlowAuthorizer;
import dev.truss.adapters.platforms.oauth.CodeFlowDialect;
import dev.truss.adapters.platforms.oauth.CodeFlowDialect.Challenge;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Discord's {@code webhook.incoming} flow: on consent the creator picks a channel and Discord
 * makes a webhook there, returned with the token. The grant's access token is the webhook's
 * URL (what the publisher posts to), its account the webhook. A webhook does not expire, so
 * there is nothing to refresh: {@link #refresh} asks to reconnect. The refresh token is kept
 * only so {@link #revoke} can end the app's authorization as well as delete the webhook.
 * Discord checks PKCE S256 as RFC 7636 says.
 */
public final class DiscordAuthorizer extends CodeFlowAuthorizer {

    private static final CodeFlowDialect DIALECT = new CodeFlowDialect("client_id", List.of("webhook.incoming"), " ",
            Map.of(), Challenge.BASE64URL, true);

    public DiscordAuthorizer(PlatformSettings settings, Clock clock) {
        super(Platform.DISCORD, settings, DIALECT, clock);
    }

    @Override
    protected OAuthGrant grant(JsonNode answer, Optional<String> usedRefreshToken) {
        JsonNode webhook = answer.path("webhook");
        String id = requiredText(webhook, "id");
        URI url = DiscordWebhookAddress.of(id, requiredText(webhook, "token")).grantUrl(settings.endpoints().api());
        return new OAuthGrant(id, DiscordWebhookConnector.name(webhook), scopes(answer.path("scope")),
                new AccessToken(url.toString()), text(answer.path("refresh_token")), Optional.empty());
    }

    /** The webhook behind the URL, read without other credentials. */
    @Override
    protected Account account(AccessToken webhookUrl) {
        URI api = settings.endpoints().api();
        URI own = DiscordWebhookAddress.stored(webhookUrl.value(), api).grantUrl(api); // never another host
        JsonNode webhook = http.expectSuccess(http.request(own).GET().build(), "read the webhook").json();
        return new Account(requiredText(webhook, "id"), DiscordWebhookConnector.name(webhook));
    }

    @Override
    public OAuthGrant refresh(String refreshToken) {
        throw PlatformException.refused("reconnect Discord: a webhook does not expire, so there is nothing to refresh");
    }

    /**
     * Deletes the webhook (one already gone is fine), then revokes the app's authorization with
     * the refresh token, which ends every token of it.
     */
    @Override
    public void revoke(AccessToken webhookUrl, Optional<String> refreshToken) {
        new DiscordWebhookConnector(settings).revoke(webhookUrl);
        if (refreshToken.isPresent()) {
            Map<String, String> form = clientFields();
            form.put("token", refreshToken.get());
            form.put("token_type_hint", "refresh_token");
            PlatformHttp.Response revoked = postForm(settings.endpoints().revoke(), form, "revoke the authorization");
            if (!revoked.ok()) {
                throw http.failure(revoked, "revoke the authorization");
            }
        }
    }
}
