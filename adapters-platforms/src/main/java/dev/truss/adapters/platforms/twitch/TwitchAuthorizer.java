package dev.truss.adapters.platforms.twitch;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.oauth.CodeFlowAuthorizer;
import dev.truss.adapters.platforms.oauth.CodeFlowDialect;
import dev.truss.adapters.platforms.oauth.CodeFlowDialect.Challenge;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.domain.platform.Platform;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Twitch's authorization-code flow for a confidential client. Twitch does not support PKCE:
 * the challenge rides along in the consent URL (the port asks for it) and is ignored, and the
 * verifier is not sent; the code is bound to Truss by the client secret instead. Scopes come
 * back as an array, refresh tokens may rotate, and Helix wants a {@code Client-Id} header
 * beside the bearer token. The account is the broadcaster.
 */
public final class TwitchAuthorizer extends CodeFlowAuthorizer {

    static final List<String> SCOPES = List.of("clips:edit", "user:read:chat");

    private static final CodeFlowDialect DIALECT = new CodeFlowDialect("client_id", SCOPES, " ", Map.of(),
            Challenge.BASE64URL, false);

    private final Helix helix = new Helix(http);

    public TwitchAuthorizer(PlatformSettings settings, Clock clock) {
        super(Platform.TWITCH, settings, DIALECT, clock);
    }

    @Override
    protected Account account(AccessToken token) {
        JsonNode users = http.expectSuccess(helix.request(helix.url("users", Map.of()), token).GET().build(),
                "name the Twitch broadcaster").json();
        JsonNode user = users.path("data").path(0);
        String id = requiredText(user, "id");
        return new Account(id, text(user.path("display_name")).orElse(id));
    }

    /**
     * Revokes the access token, which ends the authorization. An access token that already
     * expired says "Invalid token" while its refresh token may still work: then the refresh token
     * buys a live access token to revoke, unless it is dead too.
     */
    @Override
    public void revoke(AccessToken accessToken, Optional<String> refreshToken) {
        if (!revoked(accessToken) && refreshToken.isPresent()) {
            AccessToken live;
            try {
                live = refresh(refreshToken.get()).accessToken();
            } catch (PlatformException e) {
                if (e.failure() == Failure.REFUSED) {
                    return; // the refresh token is dead as well: nothing is left to revoke
                }
                throw e;
            }
            revoked(live);
        }
    }

    /** False when Twitch says the token was already invalid. */
    private boolean revoked(AccessToken token) {
        PlatformHttp.Response response = postForm(settings.endpoints().revoke(),
                Map.of("client_id", settings.client().id(), "token", token.value()), "revoke the grant");
        if (response.ok()) {
            return true;
        }
        if (response.status() == 400 && text(response.json().path("message")).filter("Invalid token"::equals).isPresent()) {
            return false;
        }
        throw http.failure(response, "revoke the grant");
    }
}
