package dev.truss.adapters.platforms.tiktok;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What TikTok's {@code error.code} means for the caller. TikTok wraps every answer in
 * {@code {"data":…,"error":{"code","message","log_id"}}} and at times refuses in an HTTP 200, so the
 * code decides, not the status; an unknown code falls back on the HTTP status.
 */
final class TikTokErrors {

    /** TikTok's caps reset over a day; an hour keeps a retrying job from spending its attempts. */
    static final Duration CAP_RETRY = Duration.ofHours(1);
    /** TikTok's request limits are per minute. */
    static final Duration RATE_RETRY = Duration.ofMinutes(1);

    private static final int MAX_MESSAGE = 200;

    private TikTokErrors() {
    }

    static PlatformException failure(PlatformHttp http, PlatformHttp.Response response, JsonNode body, String what) {
        JsonNode error = body.path("error");
        String code = error.path("code").asString("");
        String said = said(code, error);
        switch (code) {
            case "access_token_invalid":
                return new PlatformException("TikTok rejected the access token when asked to " + what + said,
                        Failure.TOKEN_REJECTED);
            case "scope_not_authorized":
            case "scope_permission_missed":
                return PlatformException.refused("the creator has not allowed Truss to post on TikTok (scope"
                        + " video.publish): reconnect TikTok and allow posting" + said);
            case "rate_limit_exceeded":
                return temporary("TikTok limits how often Truss may " + what + ": trying again in a minute" + said,
                        PlatformHttp.retryAfter(response.headers(), Instant.now()).orElse(RATE_RETRY));
            case "spam_risk_too_many_posts":
            case "spam_risk_too_many_pending_share":
                return temporary("TikTok's daily limit of posts from apps is reached for this account: trying"
                        + " again later" + said, CAP_RETRY);
            case "reached_active_user_cap":
                return temporary("Truss's TikTok app has reached TikTok's daily cap of active users: trying again"
                        + " later" + said, CAP_RETRY);
            case "spam_risk_user_banned_from_posting":
                return PlatformException.refused("TikTok has barred this account from posting: check the"
                        + " account's status in the TikTok app" + said);
            case "spam_risk_text":
            case "spam_risk":
                return PlatformException.refused("TikTok took the post for spam: change the caption" + said);
            case "unaudited_client_can_only_post_to_private_accounts":
                return PlatformException.refused("TikTok lets Truss post only to private accounts until TikTok has"
                        + " audited Truss's app: make your TikTok account private (Settings and privacy > Privacy)"
                        + " or wait for the audit" + said);
            case "privacy_level_option_mismatch":
                return temporary("the creator's TikTok privacy options changed while posting: trying again asks"
                        + " TikTok for the current ones" + said, Duration.ZERO);
            case "internal_error":
                return temporary("TikTok failed to " + what + " on its side" + said, Duration.ZERO);
            default:
                if (!response.ok()) {
                    return http.failure(response, what);
                }
                return PlatformException.refused("TikTok refused to " + what + said);
        }
    }

    private static PlatformException temporary(String message, Duration retryAfter) {
        return new PlatformException(message, Failure.TEMPORARY,
                retryAfter.isZero() ? Optional.empty() : Optional.of(retryAfter), null);
    }

    /** TikTok's code, words and log id: what its support asks for. */
    private static String said(String code, JsonNode error) {
        String message = error.path("message").asString("").strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        String logId = error.path("log_id").asString("");
        return " (TikTok: " + (code.isEmpty() ? "no error code" : code) + (message.isEmpty() ? "" : ", " + message)
                + (logId.isEmpty() ? "" : ", log_id " + logId) + ")";
    }
}
