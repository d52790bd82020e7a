package dev.truss.adapters.http;

import dev.truss.application.fake.InMemoryTruss;
import java.net.URI;
import java.util.Map;

/** The HTTP server over the whole core on in-memory fakes, on a free port: one per test class or test. */
public final class TestServer implements AutoCloseable {

    public static final String ORIGIN = "http://localhost:8080";

    public final InMemoryTruss truss;
    public final TrussHttpServer server;

    public TestServer() {
        this(HttpSettings.local(0));
    }

    /**
     * A server for a test class that logs many creators in from one address: the per-address
     * login limits are raised (per-email limits stay), so only the rate-limit tests meet them.
     */
    public static TestServer forManyCreators() {
        RateLimits.Settings defaults = RateLimits.Settings.defaults();
        return new TestServer(HttpSettings.local(0).withLimits(new RateLimits.Settings(defaults.linksPerEmail(),
                10_000, 10_000, defaults.window())));
    }

    public TestServer(HttpSettings settings) {
        this(settings, new InMemoryTruss());
    }

    /** Like {@link #forManyCreators()}, with an AI detector configured ({@link InMemoryTruss#withAi()}). */
    public static TestServer withAiForManyCreators() {
        RateLimits.Settings defaults = RateLimits.Settings.defaults();
        return new TestServer(HttpSettings.local(0).withLimits(new RateLimits.Settings(defaults.linksPerEmail(),
                10_000, 10_000, defaults.window())), InMemoryTruss.withAi());
    }

    private TestServer(HttpSettings settings, InMemoryTruss truss) {
        this.truss = truss;
        server = TrussHttpServer.start(truss.core, settings);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** A browser on our own pages. */
    public ApiClient browser() {
        return new ApiClient(base(), ORIGIN);
    }

    /** A browser logged in as a creator no other test uses. */
    public ApiClient newCreator() {
        return loggedIn("creator-" + java.util.UUID.randomUUID() + "@example.com");
    }

    /** A browser that has logged in as {@code email}. */
    public ApiClient loggedIn(String email) {
        ApiClient browser = browser();
        int asked = browser.post("/api/auth/magic-links", Map.of("email", email)).status();
        if (asked != 202) {
            throw new IllegalStateException("asking for a link answered " + asked);
        }
        String token = truss.lastLoginToken(email).orElseThrow();
        int verified = browser.post("/api/auth/sessions", Map.of("token", token)).status();
        if (verified != 201) {
            throw new IllegalStateException("logging in answered " + verified);
        }
        return browser;
    }

    @Override
    public void close() {
        server.close();
    }
}
