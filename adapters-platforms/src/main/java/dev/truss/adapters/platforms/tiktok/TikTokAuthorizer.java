package dev.truss.adapters.platforms.tiktok;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.oauth.CodeFlowAuthorizer;
import dev.truss.adapters.platforms.oauth.CodeFlowDialect;
import dev.truss.adapters.platforms.oauth.CodeFlowDialect.Challenge;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * TikTok Login Kit v2. TikTok names the client id {@code client_key}, separates scopes with
 * commas, and wants the S256 challenge as the hex of the SHA-256 (its Login Kit docs), not
 * base64url. Errors may come in a 200 body, which counts. Refresh tokens rotate; the account
 * is the creator's {@code open_id}.
 */
public final class TikTokAuthorizer extends CodeFlowAuthorizer {

    static final List<String> SCOPES = List.of("user.info.basic", "video.publish", "video.upload");

    private static final CodeFlowDialect DIALECT = new CodeFlowDialect("client_key", SCOPES, ",", Map.of(),
            Challenge.HEX, true);

    public TikTokAuthorizer(PlatformSettings settings, Clock clock) {
        super(Platform.TIKTOK, settings, DIALECT, clock);
    }

    @Override
    protected Account account(AccessToken token) {
        URI url = URI.create(settings.endpoints().api() + "/v2/user/info/?fields=open_id,display_name");
        PlatformHttp.Response response = http.send(http.request(url).header("Authorization", "Bearer " + token.value())
                .GET().build(), "name the TikTok account");
        if (!response.ok()) {
            throw http.failure(response, "name the TikTok account");
        }
        JsonNode body = response.json();
        String code = text(body.path("error").path("code")).orElse("ok");
        if (!"ok".equals(code)) {
            throw new PlatformException("tiktok refused to name the account: " + code, failureOf(code));
        }
        JsonNode user = body.path("data").path("user");
        String id = requiredText(user, "open_id");
        return new Account(id, text(user.path("display_name")).orElse(id));
    }

    /** Revoking the access token ends the creator's authorization of Truss, refresh token included. */
    @Override
    public void revoke(AccessToken accessToken, Optional<String> refreshToken) {
        Map<String, String> form = clientFields();
        form.put("token", accessToken.value());
        PlatformHttp.Response response = postForm(settings.endpoints().revoke(), form, "revoke the grant");
        if (!response.ok()) {
            throw http.failure(response, "revoke the grant");
        }
        text(response.json().path("error")).ifPresent(error -> {
            throw PlatformException.refused("tiktok refused to revoke the grant: " + error);
        });
    }

    private static Failure failureOf(String code) {
        return switch (code) {
            case "access_token_invalid" -> Failure.TOKEN_REJECTED;
            case "rate_limit_exceeded", "internal_error" -> Failure.TEMPORARY;
            default -> Failure.REFUSED;
        };
    }
}
