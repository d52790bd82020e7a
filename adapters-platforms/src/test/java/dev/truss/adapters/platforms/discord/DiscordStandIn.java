package dev.truss.adapters.platforms.discord;

import dev.truss.adapters.platforms.PlatformEndpoints;
import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.adapters.platforms.StandInServer.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord's webhook endpoints at their real paths ({@code /api/v10/webhooks/{id}/{token}}): Execute
 * Webhook ({@code POST}, JSON or {@code multipart/form-data} with {@code payload_json} and
 * {@code files[n]}, parsed by the request's boundary) and Get Webhook with Token ({@code GET}).
 * An unknown webhook is 404 (Unknown Webhook), a wrong token 401 (Invalid Webhook Token), files over
 * {@link #uploadLimit} 413, content over 2000 characters or an empty message 400, and scripted 429s
 * ({@link #rateLimit}) answer with {@code retry_after} and {@code Retry-After} first. Every answer
 * carries {@code X-RateLimit-*}; {@link #emptyBucket} makes the next one say the bucket is empty.
 * Messages are answered only with {@code wait=true} (else 204, as Discord does) and recorded.
 */
public final class DiscordStandIn implements AutoCloseable {

    public static final String ID = "1300000000000000001";
    public static final String TOKEN = "wEbHoOk-SeCrEt_token";
    public static final String GUILD = "1100000000000000001";
    public static final String CHANNEL = "1200000000000000001";
    /** The webhook's URL as a creator copies it from the channel's settings. */
    public static final String URL = "https://discord.com/api/webhooks/" + ID + "/" + TOKEN;

    public record Part(String name, String filename, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A message as posted; {@code pingsEveryone} when its content would have notified @everyone. */
    public record Message(String id, String content, JsonNode allowedMentions, List<Part> files, boolean pingsEveryone) {
    }

    private record TooMany(double retryAfter, boolean global) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOOK = "/api/v10/webhooks/(\\d+)/([^/]+)";
    /** Discord also answers the unversioned path, which Truss uses to read and delete a webhook. */
    private static final String UNVERSIONED_HOOK = "/api/webhooks/(\\d+)/([^/]+)";

    private final StandInServer server;
    private final boolean ownsServer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>(Map.of(ID, TOKEN)); // id → token
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Deque<TooMany> tooMany = new ConcurrentLinkedDeque<>();
    private final AtomicLong snowflakes = new AtomicLong(1_400_000_000_000_000_000L);
    private volatile long uploadLimit = 10L * 1024 * 1024;
    private volatile String emptyBucketFor;

    DiscordStandIn() {
        this(new StandInServer(), true);
    }

    /** On a server shared with other stand-ins; closing this leaves the server to its owner. */
    public DiscordStandIn(StandInServer server) {
        this(server, false);
    }

    private DiscordStandIn(StandInServer server, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
        server.route("POST", HOOK, (request, match, exchange) -> known(match, () -> execute(request)));
        for (String path : List.of(HOOK, UNVERSIONED_HOOK)) {
            server.route("GET", path, (request, match, exchange) -> known(match, () -> Reply.json(200,
                    JSON.createObjectNode().put("id", match.group(1)).put("type", 1).put("guild_id", GUILD)
                            .put("channel_id", CHANNEL).put("name", "Truss").put("token", TOKEN).toString())));
            server.route("DELETE", path, (request, match, exchange) -> known(match, () -> {
                delete();
                return Reply.empty(204);
            }));
        }
    }

    PlatformEndpoints endpoints() {
        return PlatformEndpoints.discord().on(server.base());
    }

    DiscordStandIn uploadLimit(long bytes) {
        uploadLimit = bytes;
        return this;
    }

    /** The next execute answers 429 asking to wait this many seconds. */
    DiscordStandIn rateLimit(double retryAfterSeconds, boolean global) {
        tooMany.add(new TooMany(retryAfterSeconds, global));
        return this;
    }

    /** The next answer says the bucket is empty for this many seconds ({@code X-RateLimit-Remaining: 0}). */
    DiscordStandIn emptyBucket(String resetAfterSeconds) {
        emptyBucketFor = resetAfterSeconds;
        return this;
    }

    /** The webhook is deleted: Discord answers 404 Unknown Webhook from now on. */
    public DiscordStandIn delete() {
        tokens.clear();
        return this;
    }

    /** Whether the webhook still exists (it was not deleted). */
    public boolean exists() {
        return tokens.containsKey(ID);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    List<Recorded> executions() {
        return server.received("POST", HOOK);
    }

    List<Recorded> lookups() {
        return server.received("GET", HOOK);
    }

    List<Recorded> received() {
        return server.received();
    }

    private interface Answer {
        Reply answer() throws Exception;
    }

    private Reply known(Matcher match, Answer answer) throws Exception {
        String token = tokens.get(match.group(1));
        if (token == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        if (!token.equals(match.group(2))) {
            return error(401, 50027, "Invalid Webhook Token");
        }
        return withRateLimitHeaders(answer.answer());
    }

    private Reply execute(Recorded request) {
        TooMany limited = tooMany.poll();
        if (limited != null) {
            return Reply.json(429, JSON.createObjectNode().put("message", "You are being rate limited.")
                            .put("retry_after", limited.retryAfter()).put("global", limited.global()).toString())
                    .withHeader("Retry-After", String.valueOf((long) Math.ceil(limited.retryAfter())))
                    .withHeader("X-RateLimit-Limit", "5").withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset-After", String.valueOf(limited.retryAfter()))
                    .withHeader("X-RateLimit-Scope", limited.global() ? "global" : "user");
        }
        String type = String.valueOf(request.header("Content-Type"));
        String payload;
        List<Part> files = new ArrayList<>();
        if (type.startsWith("application/json")) {
            payload = request.text();
        } else if (type.startsWith("multipart/form-data")) {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
            List<Part> parts = boundary.find() ? parts(request.body(), boundary.group(1)) : null;
            if (parts == null) {
                return error(400, 50035, "Invalid Form Body");
            }
            payload = null;
            for (Part part : parts) {
                if (part.name().equals("payload_json") && part.filename() == null) {
                    payload = part.text();
                } else if (part.name().matches("files\\[\\d+]") && part.filename() != null) {
                    files.add(part);
                } else {
                    return error(400, 50035, "Invalid Form Body");
                }
            }
        } else {
            return error(400, 50035, "Invalid Form Body");
        }
        if (files.stream().mapToLong(f -> f.body().length).sum() > uploadLimit) {
            return error(413, 40005, "Request entity too large");
        }
        JsonNode body = payload == null ? JSON.createObjectNode() : JSON.readTree(payload);
        String content = body.path("content").asString("");
        if (content.length() > 2000) {
            return error(400, 50035, "Invalid Form Body: content must be 2000 or fewer in length.");
        }
        if (content.isBlank() && files.isEmpty()) {
            return error(400, 50006, "Cannot send an empty message");
        }
        JsonNode mentions = body.path("allowed_mentions");
        boolean everyoneAllowed = mentions.isMissingNode()
                || mentions.path("parse").valueStream().anyMatch(p -> "everyone".equals(p.asString()));
        Message message = new Message(String.valueOf(snowflakes.incrementAndGet()), content, mentions,
                List.copyOf(files), everyoneAllowed && (content.contains("@everyone") || content.contains("@here")));
        messages.add(message);
        boolean wait = StandInServer.form(request.query() == null ? "" : request.query()).getOrDefault("wait", "false")
                .equals("true");
        return wait ? Reply.json(200, json(message).toString()) : Reply.empty(204);
    }

    private ObjectNode json(Message message) {
        ObjectNode json = JSON.createObjectNode().put("id", message.id()).put("type", 0)
                .put("content", message.content()).put("channel_id", CHANNEL).put("webhook_id", ID)
                .put("mention_everyone", message.pingsEveryone());
        json.putObject("author").put("id", ID).put("username", "Truss").put("bot", true);
        ArrayNode attachments = json.putArray("attachments");
        for (Part file : message.files()) {
            String id = String.valueOf(snowflakes.incrementAndGet());
            attachments.addObject().put("id", id).put("filename", file.filename()).put("size", file.body().length)
                    .put("content_type", file.contentType())
                    .put("url", "https://cdn.discordapp.com/attachments/" + CHANNEL + "/" + id + "/" + file.filename());
        }
        return json;
    }

    private Reply withRateLimitHeaders(Reply reply) {
        if (reply.status() == 429) {
            return reply;
        }
        String emptyFor = emptyBucketFor;
        emptyBucketFor = null;
        return reply.withHeader("X-RateLimit-Limit", "5").withHeader("X-RateLimit-Remaining", emptyFor == null ? "4" : "0")
                .withHeader("X-RateLimit-Reset-After", emptyFor == null ? "2.000" : emptyFor)
                .withHeader("X-RateLimit-Bucket", "8fe0b6a5c8d4a1bc");
    }

    /** The parts of a multipart body, or null when it does not follow RFC 7578 with this boundary. */
    static List<Part> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
        String delimiter = "--" + boundary;
        if (!text.startsWith(delimiter)) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        int at = delimiter.length();
        while (!text.startsWith("--", at)) {
            int headersEnd = text.indexOf("\r\n\r\n", at);
            int next = headersEnd < 0 ? -1 : text.indexOf("\r\n" + delimiter, headersEnd + 4);
            if (!text.startsWith("\r\n", at) || next < 0) {
                return null;
            }
            String headers = text.substring(at + 2, headersEnd);
            Matcher name = Pattern.compile("(?im)^Content-Disposition: form-data; name=\"([^\"]+)\"").matcher(headers);
            Matcher filename = Pattern.compile("(?i); filename=\"([^\"]+)\"").matcher(headers);
            Matcher type = Pattern.compile("(?im)^Content-Type: *(\\S+)").matcher(headers);
            if (!name.find()) {
                return null;
            }
            parts.add(new Part(name.group(1), filename.find() ? filename.group(1) : null,
                    type.find() ? type.group(1) : null, Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2 + delimiter.length();
        }
        return parts;
    }

    private static Reply error(int status, int code, String message) {
        return Reply.json(status, JSON.createObjectNode().put("message", message).put("code", code).toString());
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.close();
        }
    }
}
