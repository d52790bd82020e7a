package dev.truss.adapters.platforms.youtube;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.oauth.CodeFlowAuthorizer;
import dev.truss.adapters.platforms.oauth.CodeFlowDialect;
import dev.truss.adapters.platforms.oauth.CodeFlowDialect.Challenge;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Google's OAuth 2 for the YouTube Data API, as a web server app: offline access with a forced
 * consent so a refresh token always comes back (Google sends one only on a consent), PKCE S256.
 * The account is the creator's YouTube channel; a Google account without one is refused.
 * Google does not rotate refresh tokens.
 */
public final class GoogleAuthorizer extends CodeFlowAuthorizer {

    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/youtube.upload",
            "https://www.googleapis.com/auth/youtube.readonly");

    private static final CodeFlowDialect DIALECT = new CodeFlowDialect("client_id", SCOPES, " ",
            Map.of("access_type", "offline", "prompt", "consent", "include_granted_scopes", "true"),
            Challenge.BASE64URL, true);

    public GoogleAuthorizer(PlatformSettings settings, Clock clock) {
        super(Platform.YOUTUBE, settings, DIALECT, clock);
    }

    @Override
    protected Account account(AccessToken token) {
        URI url = URI.create(settings.endpoints().api() + "/youtube/v3/channels?part=snippet&mine=true");
        JsonNode channels = http.expectSuccess(http.request(url).header("Authorization", "Bearer " + token.value())
                .header("Accept", "application/json").GET().build(), "name the YouTube channel").json();
        JsonNode channel = channels.path("items").path(0);
        return text(channel.path("id"))
                .map(id -> new Account(id, text(channel.path("snippet").path("title")).orElse(id)))
                .orElseThrow(() -> PlatformException.refused("this Google account has no YouTube channel: "
                        + "create one on YouTube, then connect again"));
    }

    /** Revokes the refresh token when there is one: that ends the whole grant, access tokens included. */
    @Override
    public void revoke(AccessToken accessToken, Optional<String> refreshToken) {
        String token = refreshToken.orElse(accessToken.value());
        PlatformHttp.Response response = postForm(settings.endpoints().revoke(), Map.of("token", token),
                "revoke the grant");
        if (!response.ok() && !text(response.json().path("error")).filter("invalid_token"::equals).isPresent()) {
            throw http.failure(response, "revoke the grant");
        } // invalid_token: already revoked or expired, which is what was asked
    }
}
