package dev.truss.adapters.gemini;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.Content;
import com.google.genai.types.DeleteFileConfig;
import com.google.genai.types.File;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GetFileConfig;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.UploadFileConfig;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The Gemini calls a detection makes, through the google-genai client, each retried here (the
 * SDK's own retries are switched off, so the two never multiply): 408, 429, 5xx and dropped
 * connections are tried again up to {@link GeminiSettings.Retries#maxAttempts()} times, after the
 * wait the server asked for ({@code Retry-After}, or the {@code RetryInfo} of Google's error body)
 * or else an exponential backoff, and never past the detection's deadline. Each request may take
 * the request timeout, or what is left of the deadline when that is less. Everything else that
 * goes wrong (refused key, unknown model, a request that timed out) ends Gemini's part of the
 * detection with a {@link GeminiUnavailable} saying why. Thread-safe: detections on several
 * threads share one client.
 */
final class GeminiApi implements AutoCloseable {

    static final String MIME_TYPE = "video/mp4";
    private static final String GOOGLE = "https://generativelanguage.googleapis.com/";
    private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)s\"");
    private static final int MESSAGE_MAX = 300;
    /**
     * The SDK's retries, off. {@code attempts(1)} alone is not enough in 2.0.0: its interceptor still
     * sleeps its backoff (about a second, jittered) once after the last attempt before handing a
     * 429 or 5xx back. With no status code to retry it hands every answer back at once.
     */
    private static final HttpRetryOptions NO_SDK_RETRIES = HttpRetryOptions.builder().attempts(1)
            .httpStatusCodes(List.of()).initialDelay(0.0).maxDelay(0.0).build();

    /** When a detection must be done with Gemini. */
    record Deadline(Instant at, Duration total, Clock clock) {

        static Deadline after(Duration total, Clock clock) {
            return new Deadline(clock.instant().plus(total), total, clock);
        }

        Duration remaining() {
            return Duration.between(clock.instant(), at);
        }

        String passed(String what) {
            return "the overall deadline of " + human(total) + " passed before " + what;
        }
    }

    private final GeminiSettings settings;
    private final Clock clock;
    private final GeminiMomentDetector.Sleeper sleeper;
    private final Client client;
    /** The Retry-After of the last failed answer on this thread: the SDK's exceptions do not carry headers. */
    private final ThreadLocal<String> retryAfter = new ThreadLocal<>();

    GeminiApi(GeminiSettings settings, Clock clock, GeminiMomentDetector.Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        // A client of our own so that an interceptor can read Retry-After (the SDK's exceptions carry no headers). Given one, the SDK leaves
        // OkHttp's 10 s defaults in place, so they are set here: no read or write timeout (a model may
        // think for minutes before the first byte), the call timeout per request (below) bounds it all.
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(shorter(settings.requestTimeout(), Duration.ofSeconds(30)))
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .addInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    if (!response.isSuccessful()) {
                        retryAfter.set(response.header("Retry-After"));
                    }
                    return response;
                })
                .build();
        HttpOptions options = HttpOptions.builder()
                .baseUrl(settings.baseUrl().map(Object::toString).orElse(GOOGLE))
                .apiVersion(settings.apiVersion())
                .timeout(millis(settings.requestTimeout()))
                .retryOptions(NO_SDK_RETRIES)
                .build();
        this.client = Client.builder()
                .apiKey(settings.apiKey())
                .vertexAI(false)
                .httpOptions(options)
                .clientOptions(ClientOptions.builder().customHttpClient(http).build())
                .build();
    }

    /** Uploads a part (resumable: a start, then the bytes in chunks); the file as Gemini describes it. */
    File upload(Path file, String label, Deadline deadline, Notes notes) {
        return call("the upload of " + label, deadline, notes, options -> client.files.upload(file.toFile(),
                UploadFileConfig.builder().mimeType(MIME_TYPE).displayName("truss " + label).httpOptions(options)
                        .build()));
    }

    File get(String name, String label, Deadline deadline, Notes notes) {
        return call("asking for the state of " + label, deadline, notes,
                options -> client.files.get(name, GetFileConfig.builder().httpOptions(options).build()));
    }

    GenerateContentResponse generate(Content content, GenerateContentConfig config, String label, Deadline deadline,
                                     Notes notes) {
        return call("generateContent for " + label, deadline, notes, options -> client.models.generateContent(
                settings.model(), content, config.toBuilder().httpOptions(options).build()));
    }

    /** Deletes an uploaded file, once, within {@code timeout}; false when that failed (it expires in 48 h anyway). */
    boolean delete(String name, Duration timeout) {
        try {
            client.files.delete(name, DeleteFileConfig.builder()
                    .httpOptions(perRequest(shorter(timeout, settings.requestTimeout()))).build());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T call(String what, Deadline deadline, Notes notes, Function<HttpOptions, T> request) {
        int maxAttempts = settings.retries().maxAttempts();
        for (int attempt = 1; ; attempt++) {
            Duration remaining = deadline.remaining();
            if (remaining.toMillis() < 1) {
                throw new GeminiUnavailable(deadline.passed(what));
            }
            Duration timeout = shorter(settings.requestTimeout(), remaining);
            retryAfter.remove();
            String failure;
            Optional<Duration> asked = Optional.empty();
            try {
                return request.apply(perRequest(timeout));
            } catch (ApiException e) {
                failure = "was answered " + describe(e);
                if (!retriable(e.code())) {
                    throw new GeminiUnavailable(what + " " + failure + (refusedKey(e)
                            ? "; check the Gemini API key" : ""), e);
                }
                asked = serverAsked(e);
            } catch (GenAiIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw cancelled(e);
                }
                if (hasCause(e, InterruptedIOException.class)) {
                    throw new GeminiUnavailable(what + " got no answer within " + human(timeout)
                            + (timeout.equals(settings.requestTimeout()) ? " (the request timeout)"
                            : " (what was left of the overall deadline)"), e);
                }
                failure = "lost its connection (" + rootMessage(e) + ")";
            } catch (IllegalStateException e) {
                // The SDK's upload gives up on a chunk with an IllegalStateException after retrying it itself.
                if (Thread.currentThread().isInterrupted()) {
                    throw cancelled(e);
                }
                failure = "failed (" + rootMessage(e) + ")";
            } finally {
                retryAfter.remove();
            }
            if (attempt >= maxAttempts) {
                throw new GeminiUnavailable(what + " " + failure + (attempt == 1 ? ""
                        : ", " + attempt + " times in a row"));
            }
            Duration wait = asked.orElse(settings.retries().backoffAfter(attempt));
            if (wait.compareTo(deadline.remaining()) >= 0) {
                throw new GeminiUnavailable(what + " " + failure + ", and waiting " + human(wait)
                        + " to try again would pass the overall deadline of " + human(deadline.total()));
            }
            notes.add(what + " " + failure + "; tried again after " + human(wait)
                    + (asked.isPresent() ? " as the server asked" : ""));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(e);
            }
        }
    }

    /** A request's own options: its timeout (OkHttp's call timeout, and {@code X-Server-Timeout}), no SDK retries. */
    private static HttpOptions perRequest(Duration timeout) {
        return HttpOptions.builder().timeout(millis(timeout)).retryOptions(NO_SDK_RETRIES).build();
    }

    private static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static boolean refusedKey(ApiException e) {
        return e.code() == 401 || e.code() == 403
                || (e.code() == 400 && String.valueOf(e.message()).toLowerCase(Locale.ROOT).contains("api key"));
    }

    /** {@code 429 RESOURCE_EXHAUSTED (Quota exceeded…)}; the server's words, cut short. */
    private static String describe(ApiException e) {
        String message = String.valueOf(e.message()).strip().replaceAll("\\s+", " ");
        if (message.length() > MESSAGE_MAX) {
            message = message.substring(0, MESSAGE_MAX) + "…";
        }
        return e.code() + " " + e.status() + (message.isEmpty() || message.equals("null") ? "" : " (" + message + ")");
    }

    /** What the server asked to wait: {@code Retry-After} (seconds or a date), else Google's {@code RetryInfo}. */
    private Optional<Duration> serverAsked(ApiException e) {
        String header = retryAfter.get();
        if (header != null && !header.isBlank()) {
            String value = header.strip();
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(clock.instant(), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException ignored) {
                // Neither form: fall through to the body, then to the backoff.
            }
        }
        Matcher delay = RETRY_DELAY.matcher(String.valueOf(e.getMessage()));
        if (delay.find()) {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(delay.group(1)) * 1000)));
        }
        return Optional.empty();
    }

    private static CancellationException cancelled(Throwable cause) {
        CancellationException cancelled = new CancellationException("the Gemini detection was interrupted");
        cancelled.initCause(cause);
        return cancelled;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > MESSAGE_MAX ? message.substring(0, MESSAGE_MAX) + "…" : message;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    /** {@code 7 s}, {@code 1.5 s}, {@code 10 min}, {@code 250 ms}. */
    static String human(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 60_000 == 0 && ms >= 120_000) {
            return ms / 60_000 + " min";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
