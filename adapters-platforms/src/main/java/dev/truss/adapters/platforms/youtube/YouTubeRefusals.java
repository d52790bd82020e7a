package dev.truss.adapters.platforms.youtube;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformHttp.Response;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a YouTube refusal means, read from Google's {@code error.errors[0].reason}: a daily limit
 * ({@code quotaExceeded}, {@code uploadLimitExceeded}) is temporary until the quotas reset at
 * midnight Pacific time; a rate limit is temporary; any other 400 or 403 is refused for good,
 * quoting Google's reason. The rest (401, 5xx…) is {@link PlatformHttp#failure}'s to judge.
 */
final class YouTubeRefusals {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final List<String> DAILY_LIMITS = List.of("quotaExceeded", "uploadLimitExceeded",
            "dailyLimitExceeded");
    private static final List<String> RATE_LIMITS = List.of("rateLimitExceeded", "userRateLimitExceeded");
    private static final int MAX_MESSAGE = 300;

    private final PlatformHttp http;
    private final Clock clock;

    YouTubeRefusals(PlatformHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    PlatformException of(Response response, String what) {
        JsonNode error = response.json().at("/error");
        String reason = text(error.at("/errors/0/reason"));
        int status = response.status();
        if (status == 403 && DAILY_LIMITS.contains(reason)) {
            return new PlatformException("YouTube refused to " + what + " (" + reason
                    + "): the daily limit resets at midnight Pacific time", Failure.TEMPORARY,
                    Optional.of(untilMidnightPacific()), null);
        }
        if (status == 403 && RATE_LIMITS.contains(reason)) {
            return new PlatformException("YouTube refused to " + what + " (" + reason + "): too many requests",
                    Failure.TEMPORARY, PlatformHttp.retryAfter(response.headers(), clock.instant()), null);
        }
        if ((status == 400 || status == 403) && !reason.isEmpty()) {
            String message = text(error.at("/errors/0/message"));
            message = message.isEmpty() ? text(error.at("/message")) : message;
            return PlatformException.refused("YouTube refused to " + what + " (HTTP " + status + " " + reason
                    + (message.isEmpty() ? "" : ": " + plain(message)) + ")");
        }
        return http.failure(response, what);
    }

    private Duration untilMidnightPacific() {
        LocalDate today = clock.instant().atZone(PACIFIC).toLocalDate();
        return Duration.between(clock.instant(), today.plusDays(1).atStartOfDay(PACIFIC).toInstant());
    }

    static String text(JsonNode node) {
        return node.isString() ? node.asString().strip() : "";
    }

    /** Google's messages carry HTML links (the quota one does); a message is plain text. */
    private static String plain(String message) {
        String plain = message.replaceAll("<[^>]*>", "");
        return plain.length() > MAX_MESSAGE ? plain.substring(0, MAX_MESSAGE) + "…" : plain;
    }
}
