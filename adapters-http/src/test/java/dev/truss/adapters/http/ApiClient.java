package dev.truss.adapters.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser, as far as the API can tell: keeps cookies, sends our Origin on every request
 * (override per request with {@link #withHeader}). One per simulated user. Every reply of a
 * documented route is checked against {@code openapi.json} ({@link OpenApiContract}), and a 500
 * fails the test whatever it asserts.
 */
public final class ApiClient {

    /** What came back: status, headers, body. */
    public record Reply(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return MAPPER.readTree(raw.body());
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http;
    private final CookieManager cookies;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiClient(URI base, String origin) {
        this(base, new CookieManager(), origin == null ? Map.of() : Map.of("Origin", origin));
    }

    private ApiClient(URI base, CookieManager cookies, Map<String, String> headers) {
        this.base = base;
        this.cookies = cookies;
        this.headers.putAll(headers);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same cookies, with one more header (or none, when {@code value} is null). */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new ApiClient(base, cookies, changed);
    }

    public CookieManager cookies() {
        return cookies;
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply post(String path, Object json) {
        return send("POST", path, MAPPER.writeValueAsString(json), "application/json");
    }

    public Reply patch(String path, Object json) {
        return send("PATCH", path, MAPPER.writeValueAsString(json), "application/json");
    }

    /** A raw body with the given content type, for malformed requests. */
    public Reply send(String method, String path, String body, String contentType) {
        return sendBytes(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                contentType);
    }

    /** Raw bytes with the given content type (none when null), for bodies that are not even text. */
    public Reply sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response);
            OpenApiContract.get().check(method, path, reply);
            return reply;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
