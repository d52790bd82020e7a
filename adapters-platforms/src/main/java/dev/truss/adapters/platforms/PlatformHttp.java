package dev.truss.adapters.platforms;

import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.domain.platform.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The one HTTP client of a platform adapter: JSON and form bodies, timeouts, and the mapping of
 * what went wrong to {@link PlatformException}: 401 is {@link Failure#TOKEN_REJECTED}; 408, 425,
 * 429 and 5xx and a broken connection are {@link Failure#TEMPORARY} (with the platform's
 * {@code Retry-After}); any other refusal is {@link Failure#REFUSED}, quoting the platform's reason.
 * Messages never carry a request's headers or body, where tokens travel.
 */
public final class PlatformHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_REASON = 300;

    /** A platform's answer: status, headers and the body parsed as JSON (missing when it is not JSON). */
    public record Response(int status, HttpHeaders headers, String text) {

        public JsonNode json() {
            if (text.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(text);
            } catch (JacksonException notJson) {
                return MissingNode.getInstance();
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Platform platform;
    private final PlatformSettings settings;
    private final HttpClient client;

    public PlatformHttp(Platform platform, PlatformSettings settings) {
        this.platform = platform;
        this.settings = settings;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** A request to {@code url} with this platform's request timeout. */
    public HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(settings.requestTimeout());
    }

    /** Sends the request; a connection that fails or times out is a temporary failure. */
    public Response send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw PlatformException.temporary(platform.slug() + " did not answer " + what + " in time", e);
        } catch (IOException e) {
            throw PlatformException.temporary(platform.slug() + " could not be reached to " + what + ": "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.temporary("interrupted while asking " + platform.slug() + " to " + what, e);
        }
    }

    /** Sends the request and returns the answer if it is a success, else throws what it means. */
    public Response expectSuccess(HttpRequest request, String what) {
        Response response = send(request, what);
        if (!response.ok()) {
            throw failure(response, what);
        }
        return response;
    }

    /** What a non-success answer means for the caller. */
    public PlatformException failure(Response response, String what) {
        int status = response.status();
        String message = platform.slug() + " refused to " + what + " (HTTP " + status + reason(response) + ")";
        if (status == 401) {
            return new PlatformException(message, Failure.TOKEN_REJECTED);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new PlatformException(message, Failure.TEMPORARY, retryAfter(response.headers(), Instant.now()),
                    null);
        }
        return new PlatformException(message, Failure.REFUSED);
    }

    /** {@code application/x-www-form-urlencoded} of the fields, in their order. */
    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(formEncoded(fields));
    }

    /** The fields as a form body or a query string ({@code a=1&b=2}), in their order. */
    public static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code Retry-After} in seconds or as an HTTP date, when the platform sent one. */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        });
    }

    /** The platform's own words for a refusal, from the usual places in an error body. */
    private static String reason(Response response) {
        JsonNode body = response.json();
        for (String path : new String[] {"/error_description", "/error/message", "/message", "/error/code", "/error"}) {
            JsonNode node = body.at(path);
            if (node.isString() && !node.asString().isBlank()) {
                String text = node.asString().strip();
                return ": " + (text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text);
            }
        }
        return "";
    }
}
