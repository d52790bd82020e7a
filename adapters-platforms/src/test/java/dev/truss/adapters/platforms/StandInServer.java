package dev.truss.adapters.platforms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plumbing every platform stand-in shares: a JDK HTTP server on 127.0.0.1 and a free port,
 * routes by method and path pattern, and a record of every request for tests to check.
 * A platform's stand-in registers its routes ({@link #route}) and speaks its protocol there;
 * anything unrouted is {@code 404}. A handler that throws answers {@code 500}.
 */
public final class StandInServer implements AutoCloseable {

    static {
        // Without this the JDK server's separate header and body writes meet the client's delayed ACK (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request as received; header names lower-case, first value only. */
    public record Recorded(String method, String path, String query, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body or query as form fields (decoded). */
        public Map<String, String> form() {
            return StandInServer.form(body.length > 0 ? text() : query == null ? "" : query);
        }
    }

    /** What a handler answers. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {

        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply empty(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body);
        }
    }

    /** Answers one request; {@code match} holds the path pattern's groups. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Recorded request, Matcher match, HttpExchange exchange) throws Exception;
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Recorded> received = new CopyOnWriteArrayList<>();

    public StandInServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}: where {@link PlatformEndpoints#on} points an adapter. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code method} on paths matching {@code pathRegex} entirely; later routes win. */
    public StandInServer route(String method, String pathRegex, Handler handler) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    public List<Recorded> received() {
        return List.copyOf(received);
    }

    public List<Recorded> received(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return received.stream().filter(r -> r.method().equals(method) && pattern.matcher(r.path()).matches()).toList();
    }

    public static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes());
            received.add(request);
            Reply reply = Reply.json(404, "{\"error\":\"not found\"}");
            for (Route route : routes) {
                Matcher match = route.path().matcher(request.path());
                if (route.method().equals(request.method()) && match.matches()) {
                    try {
                        reply = route.handler().handle(request, match, exchange);
                    } catch (Exception broken) {
                        reply = Reply.json(500, "{\"error\":\"stand-in failed: " + broken.getClass().getSimpleName() + "\"}");
                    }
                    break;
                }
            }
            if (reply == null) {
                return; // the handler dealt with the exchange itself (e.g. dropped the connection)
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
