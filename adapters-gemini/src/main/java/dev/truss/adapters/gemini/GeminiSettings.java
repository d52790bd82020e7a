package dev.truss.adapters.gemini;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How Truss talks to Gemini: the key, which model through which API version (and, for tests or a
 * proxy, which server), the prompt version, the deadlines, the retries, and how a long video is
 * split. Checked when made, so a typo fails at start-up rather than at the first analysis;
 * {@link #toString()} never shows the key.
 *
 * @param apiKey            the Gemini API key, sent as {@code x-goog-api-key} and nowhere else
 * @param model             the model, like {@code gemini-2.5-flash}
 * @param apiVersion        the API version in the path, like {@code v1beta} (the SDK's own default is {@code v1})
 * @param baseUrl           another server than Google's (a proxy, or a stand-in in tests)
 * @param promptVersion     the prompt resource, {@code prompts/<version>.txt} next to this class
 * @param fileActiveTimeout how long an uploaded video may stay {@code PROCESSING} before Gemini is given up
 * @param filePollInterval  how often the uploaded video's state is asked for while it is processed
 * @param requestTimeout    the longest one HTTP request may take (an upload chunk, a {@code generateContent})
 * @param overallDeadline   the longest one detection may spend on Gemini, waits and retries included;
 *                          after it the local detector answers
 * @param retries           how 429 and 5xx answers are retried (the SDK's own retries are off)
 * @param maxPartLength     the longest stretch of video sent in one request; longer videos go in parts
 * @param partOverlap       how much neighbouring parts share, so a moment on a cut is seen whole once
 * @param mediaResolution   how many tokens each frame Gemini samples costs (it samples 1 a second):
 *                          {@code LOW} (66) is a quarter of {@code MEDIUM}/{@code HIGH} (258) and is enough
 *                          to find moments and hear speech; small on-screen text may be missed
 * @param thinkingBudget    the most tokens the model may spend thinking before it answers (billed as
 *                          output); empty leaves the model's default, 0 turns thinking off on models
 *                          that allow it (2.5 Flash; 2.5 Pro needs at least 128)
 */
public record GeminiSettings(String apiKey, String model, String apiVersion, Optional<URI> baseUrl,
                             String promptVersion, Duration fileActiveTimeout, Duration filePollInterval,
                             Duration requestTimeout, Duration overallDeadline, Retries retries,
                             Duration maxPartLength, Duration partOverlap, MediaResolution mediaResolution,
                             Optional<Integer> thinkingBudget) {

    public static final String DEFAULT_MODEL = "gemini-2.5-flash";
    public static final String DEFAULT_API_VERSION = "v1beta";
    public static final String DEFAULT_PROMPT_VERSION = "moments-v1";

    /** The resolution Gemini looks at each sampled frame in, which sets what a second of video costs. */
    public enum MediaResolution { LOW, MEDIUM, HIGH }

    /**
     * How a request answered 408, 429 or 5xx (or cut off by the network) is tried again: at most
     * {@code maxAttempts} tries in all, waiting {@code initialBackoff} doubled after each try up to
     * {@code maxBackoff}, or what the server's {@code Retry-After} asks for; never past the overall deadline.
     */
    public record Retries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        public Retries {
            Objects.requireNonNull(initialBackoff, "initial backoff");
            Objects.requireNonNull(maxBackoff, "max backoff");
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("Gemini retries: 1–20 attempts per request (1 = no retry), got "
                        + maxAttempts);
            }
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("Gemini retries: the initial backoff must be positive and at most"
                        + " the max backoff, got " + initialBackoff + " and " + maxBackoff);
            }
        }

        /** 5 attempts, waiting 2 s, 4 s, 8 s, 16 s (at most 60 s) unless the server says otherwise. */
        public static Retries defaults() {
            return new Retries(5, Duration.ofSeconds(2), Duration.ofSeconds(60));
        }

        /** Every request is tried once. */
        public static Retries none() {
            return new Retries(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        }

        /** The wait before try {@code attempt + 1}, when the server named none: exponential, capped. */
        Duration backoffAfter(int attempt) {
            Duration wait = initialBackoff;
            for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    public GeminiSettings {
        Objects.requireNonNull(apiKey, "api key");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiVersion, "api version");
        Objects.requireNonNull(baseUrl, "base url");
        Objects.requireNonNull(promptVersion, "prompt version");
        Objects.requireNonNull(retries, "retries");
        if (apiKey.isBlank() || !apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the Gemini API key must be given, as printable ASCII without spaces");
        }
        if (!model.matches("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?") || model.length() > 100) {
            throw new IllegalArgumentException("not a Gemini model name (like gemini-2.5-flash): '" + model + "'");
        }
        if (!apiVersion.matches("v\\d+((alpha|beta)\\d*)?")) {
            throw new IllegalArgumentException("not a Gemini API version (like v1beta or v1): '" + apiVersion + "'");
        }
        if (!promptVersion.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a prompt version names a resource (like moments-v1): '"
                    + promptVersion + "'");
        }
        baseUrl.ifPresent(GeminiSettings::checkBaseUrl);
        positive("file ACTIVE timeout", fileActiveTimeout);
        positive("file poll interval", filePollInterval);
        positive("request timeout", requestTimeout);
        positive("overall deadline", overallDeadline);
        positive("max part length", maxPartLength);
        Objects.requireNonNull(partOverlap, "part overlap");
        Objects.requireNonNull(mediaResolution, "media resolution");
        Objects.requireNonNull(thinkingBudget, "thinking budget");
        thinkingBudget.filter(budget -> budget < 0 || budget > 32_768).ifPresent(budget -> {
            throw new IllegalArgumentException("a Gemini thinking budget is 0–32768 tokens, got " + budget);
        });
        if (requestTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the Gemini request timeout must be under 24 days, got " + requestTimeout);
        }
        if (maxPartLength.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a part sent to Gemini must last at least a minute, got " + maxPartLength);
        }
        if (partOverlap.isNegative() || partOverlap.multipliedBy(2).compareTo(maxPartLength) > 0) {
            throw new IllegalArgumentException("the overlap of parts must be 0 or more and at most half a part ("
                    + maxPartLength + "), got " + partOverlap);
        }
    }

    /** Google's server, {@value #DEFAULT_MODEL} through {@value #DEFAULT_API_VERSION}, and the defaults below. */
    public static GeminiSettings of(String apiKey) {
        return new GeminiSettings(apiKey, DEFAULT_MODEL, DEFAULT_API_VERSION, Optional.empty(), DEFAULT_PROMPT_VERSION,
                Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(60),
                Retries.defaults(), Duration.ofMinutes(45), Duration.ofSeconds(60), MediaResolution.LOW,
                Optional.empty());
    }

    public GeminiSettings withModel(String newModel) {
        return new GeminiSettings(apiKey, newModel, apiVersion, baseUrl, promptVersion, fileActiveTimeout,
                filePollInterval, requestTimeout, overallDeadline, retries, maxPartLength, partOverlap,
                mediaResolution, thinkingBudget);
    }

    public GeminiSettings withApiVersion(String newApiVersion) {
        return new GeminiSettings(apiKey, model, newApiVersion, baseUrl, promptVersion, fileActiveTimeout,
                filePollInterval, requestTimeout, overallDeadline, retries, maxPartLength, partOverlap,
                mediaResolution, thinkingBudget);
    }

    /** Another server than Google's: a proxy, or a stand-in in tests. */
    public GeminiSettings withBaseUrl(URI newBaseUrl) {
        return new GeminiSettings(apiKey, model, apiVersion, Optional.of(newBaseUrl), promptVersion, fileActiveTimeout,
                filePollInterval, requestTimeout, overallDeadline, retries, maxPartLength, partOverlap,
                mediaResolution, thinkingBudget);
    }

    public GeminiSettings withPromptVersion(String newPromptVersion) {
        return new GeminiSettings(apiKey, model, apiVersion, baseUrl, newPromptVersion, fileActiveTimeout,
                filePollInterval, requestTimeout, overallDeadline, retries, maxPartLength, partOverlap,
                mediaResolution, thinkingBudget);
    }

    /** How long an uploaded video may take to become ACTIVE, and how often to ask. */
    public GeminiSettings withFileActiveWait(Duration timeout, Duration pollInterval) {
        return new GeminiSettings(apiKey, model, apiVersion, baseUrl, promptVersion, timeout, pollInterval,
                requestTimeout, overallDeadline, retries, maxPartLength, partOverlap,
                mediaResolution, thinkingBudget);
    }

    public GeminiSettings withRequestTimeout(Duration timeout) {
        return new GeminiSettings(apiKey, model, apiVersion, baseUrl, promptVersion, fileActiveTimeout,
                filePollInterval, timeout, overallDeadline, retries, maxPartLength, partOverlap,
                mediaResolution, thinkingBudget);
    }

    public GeminiSettings withOverallDeadline(Duration deadline) {
        return new GeminiSettings(apiKey, model, apiVersion, baseUrl, promptVersion, fileActiveTimeout,
                filePollInterval, requestTimeout, deadline, retries, maxPartLength, partOverlap,
                mediaResolution, thinkingBudget);
    }

    public GeminiSettings withRetries(Retries newRetries) {
        return new GeminiSettings(apiKey, model, apiVersion, baseUrl, promptVersion, fileActiveTimeout,
                filePollInterval, requestTimeout, overallDeadline, newRetries, maxPartLength, partOverlap,
                mediaResolution, thinkingBudget);
    }

    /** Videos longer than {@code maxLength} go in parts of at most that length sharing {@code overlap}. */
    public GeminiSettings withParts(Duration maxLength, Duration overlap) {
        return new GeminiSettings(apiKey, model, apiVersion, baseUrl, promptVersion, fileActiveTimeout,
                filePollInterval, requestTimeout, overallDeadline, retries, maxLength, overlap,
                mediaResolution, thinkingBudget);
    }

    /** What each sampled frame costs ({@link MediaResolution}) and how much the model may think. */
    public GeminiSettings withSpending(MediaResolution resolution, Optional<Integer> budget) {
        return new GeminiSettings(apiKey, model, apiVersion, baseUrl, promptVersion, fileActiveTimeout,
                filePollInterval, requestTimeout, overallDeadline, retries, maxPartLength, partOverlap, resolution,
                budget);
    }

    @Override
    public String toString() {
        return "GeminiSettings[apiKey=(hidden), model=" + model + ", apiVersion=" + apiVersion + ", baseUrl="
                + baseUrl.map(URI::toString).orElse("(Google)") + ", promptVersion=" + promptVersion
                + ", fileActiveTimeout=" + fileActiveTimeout + ", filePollInterval=" + filePollInterval
                + ", requestTimeout=" + requestTimeout + ", overallDeadline=" + overallDeadline + ", retries=" + retries
                + ", maxPartLength=" + maxPartLength + ", partOverlap=" + partOverlap + ", mediaResolution="
                + mediaResolution + ", thinkingBudget=" + thinkingBudget.map(String::valueOf).orElse("(model default)")
                + "]";
    }

    private static void positive(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero() || duration.toMillis() == 0) {
            throw new IllegalArgumentException("the Gemini " + what + " must be at least 1 ms, got " + duration);
        }
    }

    private static void checkBaseUrl(URI uri) {
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("the Gemini base URL must be an http(s) URL with a host, like"
                    + " http://127.0.0.1:8089: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the Gemini base URL must have no user info, query or fragment: "
                    + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        }
    }
}
