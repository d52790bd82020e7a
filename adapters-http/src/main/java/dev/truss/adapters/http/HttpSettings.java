package dev.truss.adapters.http;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the server listens and whom it trusts.
 *
 * @param host            the interface to bind ({@code 127.0.0.1} on one machine)
 * @param port            0 picks a free port
 * @param publicOrigin    the origin browsers see ({@code http://localhost:8080}); pages, the magic
 *                        link and the Origin check use it
 * @param extraOrigins    other origins (web clients served elsewhere) allowed by CORS and the Origin check
 * @param maxBodyBytes    a larger request body is refused with 413
 * @param trustForwardedFor take the client address from {@code X-Forwarded-For} (behind a proxy only)
 * @param limits          login rate limits
 */
public record HttpSettings(String host, int port, URI publicOrigin, Set<String> extraOrigins, long maxBodyBytes,
                           boolean trustForwardedFor, RateLimits.Settings limits) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must lie within 0–65535, got " + port);
        }
        publicOrigin = origin(publicOrigin);
        extraOrigins = Set.copyOf(extraOrigins.stream().map(o -> origin(URI.create(o)).toString()).toList());
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the largest request body must be at least 1 KiB, got " + maxBodyBytes);
        }
        Objects.requireNonNull(limits, "rate limits");
    }

    /** Loopback on {@code port}, reached as {@code http://localhost:port}. */
    public static HttpSettings local(int port) {
        return new HttpSettings("127.0.0.1", port, URI.create("http://localhost:" + (port == 0 ? 8080 : port)),
                Set.of(), 1024 * 1024, false, RateLimits.Settings.defaults());
    }

    public HttpSettings withPublicOrigin(URI origin) {
        return new HttpSettings(host, port, origin, extraOrigins, maxBodyBytes, trustForwardedFor, limits);
    }

    public HttpSettings withLimits(RateLimits.Settings newLimits) {
        return new HttpSettings(host, port, publicOrigin, extraOrigins, maxBodyBytes, trustForwardedFor, newLimits);
    }

    /** Every origin whose pages may call the API with the session cookie. */
    public Set<String> allowedOrigins() {
        Set<String> all = new LinkedHashSet<>();
        all.add(publicOrigin.toString());
        all.addAll(extraOrigins);
        return all;
    }

    /** Cookies are {@code Secure} unless the browser reaches us on localhost over plain HTTP. */
    public boolean secureCookies() {
        String h = publicOrigin.getHost();
        boolean local = "localhost".equals(h) || "127.0.0.1".equals(h) || "[::1]".equals(h);
        return !(local && "http".equals(publicOrigin.getScheme()));
    }

    private static URI origin(URI uri) {
        Objects.requireNonNull(uri, "origin");
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("an origin is http(s)://host[:port], got " + uri);
        }
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }
}
