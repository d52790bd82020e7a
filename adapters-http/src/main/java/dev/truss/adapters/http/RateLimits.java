package dev.truss.adapters.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) on the login endpoints, per email and per client address, so nobody
 * can flood an inbox or guess tokens. Buckets live in this process, at most {@code MAX_KEYS} of
 * them (least recently used go first); several servers each apply the limits on their own.
 */
public final class RateLimits {

    /** Attempts allowed per {@code window}, each refilled evenly across it. */
    public record Settings(int linksPerEmail, int linksPerAddress, int verificationsPerAddress, Duration window) {
        public Settings {
            if (linksPerEmail < 1 || linksPerAddress < 1 || verificationsPerAddress < 1 || window.isNegative()
                    || window.isZero()) {
                throw new IllegalArgumentException("rate limits must be positive");
            }
        }

        public static Settings defaults() {
            return new Settings(5, 20, 30, Duration.ofMinutes(15));
        }
    }

    private static final int MAX_KEYS = 100_000;

    private final Settings settings;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public RateLimits(Settings settings) {
        this.settings = settings;
    }

    /** Takes one attempt at asking for a link; throws 429 when the email or the address is over its limit. */
    public void linkRequested(String email, String clientAddress) {
        take("link-address:" + clientAddress, settings.linksPerAddress());
        take("link-email:" + email.trim().toLowerCase(Locale.ROOT), settings.linksPerEmail());
    }

    public void verificationAttempted(String clientAddress) {
        take("verify-address:" + clientAddress, settings.verificationsPerAddress());
    }

    private void take(String key, int perWindow) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perWindow).refillGreedy(perWindow, settings.window()).build())
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw ApiProblem.tooManyRequests(seconds);
        }
    }
}
