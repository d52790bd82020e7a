package dev.truss.adapters.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server speaking as much of the Gemini REST protocol as the detector uses, on
 * 127.0.0.1 and a free port, recording every request (method, path, headers, body) for the tests
 * to check. Reached with {@code HttpOptions.baseUrl(baseUrl()).apiVersion("v1beta")}.
 *
 * <ul>
 *   <li>Every request must carry {@code x-goog-api-key} with the key it was started with; any
 *       other key is answered as Google does, {@code 400 INVALID_ARGUMENT} "API key not valid".</li>
 *   <li>{@code POST /upload/{version}/files} with {@code X-Goog-Upload-Protocol: resumable} and
 *       {@code X-Goog-Upload-Command: start} opens an upload, answered with an
 *       {@code X-Goog-Upload-URL}; bytes POSTed there with {@code upload} (then
 *       {@code X-Goog-Upload-Status: active}) or {@code upload, finalize} (then {@code final} and
 *       {@code {"file": {...}}}) make a file {@code files/file-N} whose state follows the script of
 *       {@link #fileStates} (the upload's answer has the first state, each {@code files.get} the next,
 *       the last repeats; by default PROCESSING then ACTIVE).</li>
 *   <li>{@code GET} and {@code DELETE /{version}/files/{id}}: files.get and files.delete.</li>
 *   <li>{@code POST /{version}/models/{model}:generateContent} answers the next scripted
 *       {@link Answer} ({@link #answer}), or the default one ({@link #answerByDefault}) when none is left.</li>
 * </ul>
 * Anything else is {@code 404}. Handlers run on their own threads, so a slow answer does not hold
 * up the others; {@link #close()} stops them.
 */
public final class GeminiStandIn implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; without this, Nagle's algorithm and the
        // client's delayed ACK hold every answer back some 40 ms. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private static final Pattern UPLOAD_START = Pattern.compile("/upload/(v[^/]+)/files");
    private static final Pattern UPLOAD_SESSION = Pattern.compile("/upload-session/(\\d+)");
    private static final Pattern FILE = Pattern.compile("/(v[^/]+)/(files/[^/:]+)");
    private static final Pattern GENERATE = Pattern.compile("/(v[^/]+)/models/([^/:]+):generateContent");

    /** One request as received ({@link System#nanoTime()} when it arrived); header names lower-case, first value only. */
    public record Recorded(String method, String path, Map<String, String> headers, byte[] body, long receivedNanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What generateContent answers: a status, headers, a body, and how long to wait before answering. */
    public record Answer(int status, Map<String, String> headers, String body, Duration delay) {

        /** The model says {@code text} and stops; the usage counts 1000 tokens in and 200 out (50 of them thoughts). */
        public static Answer text(String text) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode candidate = body.putArray("candidates").addObject();
            ObjectNode content = candidate.putObject("content");
            content.putArray("parts").addObject().put("text", text);
            content.put("role", "model");
            candidate.put("finishReason", "STOP");
            candidate.put("index", 0);
            body.set("usageMetadata", usage(1000, 150, 50));
            body.put("modelVersion", "gemini-2.5-flash");
            return new Answer(200, Map.of(), body.toString(), Duration.ZERO);
        }

        /** The model's text in two parts, a thought first: only the second is the answer. */
        public static Answer withThought(String thought, String text) {
            ObjectNode body = (ObjectNode) parse(text(text).body());
            ArrayNode parts = (ArrayNode) body.get("candidates").get(0).get("content").get("parts");
            parts.insertObject(0).put("text", thought).put("thought", true);
            return new Answer(200, Map.of(), body.toString(), Duration.ZERO);
        }

        /** Any 200 body, as given. */
        public static Answer raw(String body) {
            return new Answer(200, Map.of(), body, Duration.ZERO);
        }

        /** Google's error body: {@code {"error": {"code", "message", "status"}}}. */
        public static Answer error(int status, String statusName, String message) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode error = body.putObject("error");
            error.put("code", status);
            error.put("message", message);
            error.put("status", statusName);
            return new Answer(status, Map.of(), body.toString(), Duration.ZERO);
        }

        public static Answer tooManyRequests(String retryAfter) {
            Answer error = error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).");
            return new Answer(429, Map.of("Retry-After", retryAfter), error.body(), Duration.ZERO);
        }

        /** A 429 as the Gemini API sends it: no header, a {@code RetryInfo} in the error's details. */
        public static Answer tooManyRequestsWithRetryInfo(String retryDelay) {
            ObjectNode body = (ObjectNode) parse(error(429, "RESOURCE_EXHAUSTED",
                    "You exceeded your current quota, please check your plan and billing details.").body());
            ArrayNode details = ((ObjectNode) body.get("error")).putArray("details");
            details.addObject().put("@type", "type.googleapis.com/google.rpc.QuotaFailure");
            details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", retryDelay);
            return new Answer(429, Map.of(), body.toString(), Duration.ZERO);
        }

        /** No candidate at all, the prompt blocked for {@code reason}. */
        public static Answer blockedPrompt(String reason) {
            ObjectNode body = JSON.createObjectNode();
            body.putArray("candidates");
            body.putObject("promptFeedback").put("blockReason", reason);
            body.set("usageMetadata", usage(1000, 0, 0));
            return new Answer(200, Map.of(), body.toString(), Duration.ZERO);
        }

        /** One candidate without content, stopped for {@code finishReason} (SAFETY, RECITATION…). */
        public static Answer stopped(String finishReason) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode candidate = body.putArray("candidates").addObject();
            candidate.put("finishReason", finishReason);
            candidate.put("index", 0);
            candidate.putArray("safetyRatings").addObject().put("category", "HARM_CATEGORY_DANGEROUS_CONTENT")
                    .put("probability", "HIGH").put("blocked", true);
            body.set("usageMetadata", usage(1000, 0, 0));
            return new Answer(200, Map.of(), body.toString(), Duration.ZERO);
        }

        /** The same answer, after {@code wait}. */
        Answer after(Duration wait) {
            return new Answer(status, headers, body, wait);
        }

        private static ObjectNode usage(int prompt, int candidates, int thoughts) {
            ObjectNode usage = JSON.createObjectNode();
            usage.put("promptTokenCount", prompt);
            if (candidates > 0) {
                usage.put("candidatesTokenCount", candidates);
            }
            if (thoughts > 0) {
                usage.put("thoughtsTokenCount", thoughts);
            }
            usage.put("totalTokenCount", prompt + candidates + thoughts);
            return usage;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final String apiKey;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private volatile Answer byDefault = Answer.error(500, "INTERNAL", "the test scripted no answer");
    private volatile List<String> states = List.of("PROCESSING", "ACTIVE");
    private volatile String failure = "Video could not be processed.";
    private final AtomicInteger serial = new AtomicInteger();
    private final Map<Integer, ByteArrayOutputStream> sessions = new ConcurrentHashMap<>();
    private final Map<Integer, String> sessionTypes = new ConcurrentHashMap<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    private GeminiStandIn(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "gemini-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Listens on 127.0.0.1 and a free port, accepting {@code apiKey} only. */
    public static GeminiStandIn start(String apiKey) {
        try {
            return new GeminiStandIn(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The next generateContent requests get these answers, in order. */
    public synchronized GeminiStandIn answer(Answer... next) {
        answers.addAll(List.of(next));
        return this;
    }

    /** What generateContent answers once the scripted answers are used up. */
    public GeminiStandIn answerByDefault(Answer answer) {
        byDefault = Objects.requireNonNull(answer);
        return this;
    }

    /** The states of each uploaded file: the upload answers the first, each files.get the next; the last repeats. */
    public GeminiStandIn fileStates(String... script) {
        states = List.of(script);
        return this;
    }

    /** The error message of a file whose state is FAILED. */
    GeminiStandIn failureMessage(String message) {
        failure = message;
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String method, String pathPattern) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().matches(pathPattern)).toList();
    }

    public List<Recorded> generateContentRequests() {
        return requests("POST", "/v1beta/models/[^/]+:generateContent");
    }

    /** Uploaded files by name ({@code files/file-1}), with their bytes. */
    public Map<String, byte[]> files() {
        return Map.copyOf(files);
    }

    public Set<String> deleted() {
        return Set.copyOf(deleted);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            requests.add(new Recorded(method, exchange.getRequestURI().toString(), headers, body, System.nanoTime()));
            if (!apiKey.equals(headers.get("x-goog-api-key"))) {
                send(exchange, Answer.error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key."));
                return;
            }
            Matcher matcher;
            if (method.equals("POST") && (matcher = UPLOAD_START.matcher(path)).matches()) {
                startUpload(exchange, headers);
            } else if (method.equals("POST") && (matcher = UPLOAD_SESSION.matcher(path)).matches()) {
                upload(exchange, Integer.parseInt(matcher.group(1)), headers, body);
            } else if (method.equals("POST") && (matcher = GENERATE.matcher(path)).matches()) {
                generate(exchange);
            } else if (method.equals("GET") && (matcher = FILE.matcher(path)).matches()) {
                String name = matcher.group(2);
                if (!files.containsKey(name)) {
                    send(exchange, Answer.error(404, "NOT_FOUND", "File " + name + " not found"));
                } else {
                    send(exchange, Answer.raw(file(name, polls.merge(name, 1, Integer::sum)).toString()));
                }
            } else if (method.equals("DELETE") && (matcher = FILE.matcher(path)).matches()) {
                deleted.add(matcher.group(2));
                send(exchange, Answer.raw("{}"));
            } else {
                send(exchange, Answer.error(404, "NOT_FOUND", method + " " + path + " is not something the stand-in"
                        + " knows"));
            }
        } catch (RuntimeException e) {
            send(exchange, Answer.error(500, "INTERNAL", "stand-in failure: " + e));
        } finally {
            exchange.close();
        }
    }

    private void startUpload(HttpExchange exchange, Map<String, String> headers) throws IOException {
        if (!"resumable".equals(headers.get("x-goog-upload-protocol"))
                || !"start".equals(headers.get("x-goog-upload-command"))) {
            send(exchange, Answer.error(400, "INVALID_ARGUMENT", "expected a resumable upload start"));
            return;
        }
        int session = serial.incrementAndGet();
        sessions.put(session, new ByteArrayOutputStream());
        sessionTypes.put(session, headers.getOrDefault("x-goog-upload-header-content-type", "application/octet-stream"));
        exchange.getResponseHeaders().add("X-Goog-Upload-URL", baseUrl().resolve("/upload-session/" + session).toString());
        exchange.getResponseHeaders().add("X-Goog-Upload-Status", "active");
        send(exchange, Answer.raw("{}"));
    }

    private void upload(HttpExchange exchange, int session, Map<String, String> headers, byte[] body)
            throws IOException {
        ByteArrayOutputStream bytes = sessions.get(session);
        String command = headers.getOrDefault("x-goog-upload-command", "");
        if (bytes == null || !command.startsWith("upload")) {
            send(exchange, Answer.error(400, "INVALID_ARGUMENT", "no such upload, or not an upload command"));
            return;
        }
        long offset = Long.parseLong(headers.getOrDefault("x-goog-upload-offset", "-1"));
        if (offset != bytes.size()) {
            send(exchange, Answer.error(400, "INVALID_ARGUMENT", "offset " + offset + ", expected " + bytes.size()));
            return;
        }
        bytes.writeBytes(body);
        if (!command.contains("finalize")) {
            exchange.getResponseHeaders().add("X-Goog-Upload-Status", "active");
            send(exchange, Answer.raw(""));
            return;
        }
        String name = "files/file-" + session;
        files.put(name, bytes.toByteArray());
        polls.put(name, 0);
        sessions.remove(session);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("file", file(name, 0));
        ((ObjectNode) answer.get("file")).put("mimeType", sessionTypes.get(session));
        exchange.getResponseHeaders().add("X-Goog-Upload-Status", "final");
        send(exchange, Answer.raw(answer.toString()));
    }

    private ObjectNode file(String name, int poll) {
        String state = states.get(Math.min(poll, states.size() - 1));
        ObjectNode file = JSON.createObjectNode();
        file.put("name", name);
        file.put("displayName", name);
        file.put("mimeType", "video/mp4");
        file.put("sizeBytes", String.valueOf(files.get(name).length));
        file.put("createTime", "2026-11-27T08:00:00.000000Z");
        file.put("expirationTime", "2026-11-29T08:00:00.000000Z");
        file.put("uri", baseUrl().resolve("/v1beta/" + name).toString());
        file.put("state", state);
        file.put("source", "UPLOADED");
        if (state.equals("FAILED")) {
            file.putObject("error").put("code", 3).put("message", failure);
        }
        return file;
    }

    private void generate(HttpExchange exchange) throws IOException {
        Answer answer;
        synchronized (this) {
            answer = answers.isEmpty() ? byDefault : answers.poll();
        }
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        send(exchange, answer);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing to answer to.
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
