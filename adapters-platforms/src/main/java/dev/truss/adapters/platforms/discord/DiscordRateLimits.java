package dev.truss.adapters.platforms.discord;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformHttp.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * What Discord said about its rate limits, per webhook: after an answer with
 * {@code X-RateLimit-Remaining: 0} the next request waits {@code X-RateLimit-Reset-After} instead of
 * earning a 429; after a 429 it waits the body's {@code retry_after} (seconds, with decimals),
 * else the {@code Retry-After} header. Webhooks are rate-limited per webhook, so the id is the key.
 */
final class DiscordRateLimits {

    private static final Duration UNKNOWN_WAIT = Duration.ofSeconds(1);

    private final Clock clock;
    private final Map<String, Instant> emptyUntil = new ConcurrentHashMap<>();

    DiscordRateLimits(Clock clock) {
        this.clock = clock;
    }

    /** How long to hold off before the next request to this webhook, if its bucket is known to be empty. */
    Duration waitBefore(String webhookId) {
        Instant until = emptyUntil.get(webhookId);
        Instant now = clock.instant();
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    void remember(String webhookId, Response answer) {
        Optional<String> remaining = answer.header("X-RateLimit-Remaining").map(String::strip);
        Optional<Duration> resetAfter = answer.header("X-RateLimit-Reset-After").flatMap(DiscordRateLimits::seconds);
        if (remaining.filter("0"::equals).isPresent() && resetAfter.isPresent()) {
            emptyUntil.put(webhookId, clock.instant().plus(resetAfter.get()));
        } else if (remaining.isPresent()) {
            emptyUntil.remove(webhookId);
        }
    }

    /** The wait a 429 asks for. */
    static Duration retryAfter(Response tooMany) {
        JsonNode seconds = tooMany.json().path("retry_after");
        if (seconds.isNumber() && seconds.asDouble() >= 0) {
            return Duration.ofMillis((long) Math.ceil(seconds.asDouble() * 1000));
        }
        return PlatformHttp.retryAfter(tooMany.headers(), Instant.now()).orElse(UNKNOWN_WAIT);
    }

    static boolean global(Response tooMany) {
        return tooMany.json().path("global").asBoolean(false)
                || tooMany.header("X-RateLimit-Global").filter("true"::equalsIgnoreCase).isPresent();
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds < 0 || Double.isNaN(seconds) ? Optional.empty()
                    : Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
