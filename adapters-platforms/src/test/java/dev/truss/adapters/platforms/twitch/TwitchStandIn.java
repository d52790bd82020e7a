package dev.truss.adapters.platforms.twitch;

import dev.truss.adapters.platforms.PlatformEndpoints;
import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.adapters.platforms.StandInServer.Reply;
import dev.truss.adapters.platforms.oauth.OAuthStandIn;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of Helix the clipper and the chat use, at their real paths under {@code /helix}:
 * Create Clip, Get Clips and Send Chat Announcement. Every request needs {@code Authorization:
 * Bearer} with a token it knows and the app's {@code Client-Id}, else 401 as Twitch words it.
 * A channel is live, offline (Create Clip 404) or has clips off (403); a title containing
 * "forbidden" fails AutoMod (400). A new clip is listed by Get Clips from its
 * {@link #listAfterPolls}-th lookup on, or never ({@link #neverList}).
 *
 * <p>On a server shared with {@link OAuthStandIn} ({@link #TwitchStandIn(StandInServer, Predicate)}),
 * it takes the tokens Twitch's OAuth stand-in issued, for the user its Helix {@code /users} names
 * ({@link OAuthStandIn#TWITCH_USER_ID}), whose channel is live, and the app's client id there.
 */
public final class TwitchStandIn implements AutoCloseable {

    public enum Channel { LIVE, OFFLINE, CLIPS_OFF }

    /** A clip Create Clip started: whose broadcast, by whom, and the title asked for (empty: none). */
    public record Clip(String id, String broadcasterId, String creatorId, String title) {
    }

    static final String CLIENT_ID = "twitch-client-id";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StandInServer server;
    private final boolean ownsServer;
    private final String clientId;
    private final Predicate<String> issuedElsewhere; // tokens of the OAuth stand-in, for its one user
    private final Map<String, String> users = new ConcurrentHashMap<>(); // token → user id
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>(); // clip id → Get Clips so far
    private final AtomicInteger created = new AtomicInteger();
    private final List<Clip> clips = new CopyOnWriteArrayList<>();
    private volatile int listAfterPolls = 1;
    private volatile boolean neverList;

    TwitchStandIn() {
        this(new StandInServer(), true, CLIENT_ID, token -> false);
    }

    /**
     * On a server shared with other stand-ins, taking the Bearer tokens {@code acceptsToken} takes
     * (those Twitch's OAuth stand-in issued and still honours) as {@link OAuthStandIn#TWITCH_USER_ID},
     * whose channel is live, from Truss's app there ({@link OAuthStandIn#CLIENT_ID}). Closing this
     * leaves the server to its owner.
     */
    public TwitchStandIn(StandInServer server, Predicate<String> acceptsToken) {
        this(server, false, OAuthStandIn.CLIENT_ID, acceptsToken);
        channel(OAuthStandIn.TWITCH_USER_ID, Channel.LIVE);
    }

    private TwitchStandIn(StandInServer server, boolean ownsServer, String clientId, Predicate<String> acceptsToken) {
        this.server = server;
        this.ownsServer = ownsServer;
        this.clientId = clientId;
        this.issuedElsewhere = acceptsToken;
        server.route("POST", "/helix/clips", (request, match, exchange) -> authorized(request, this::createClip));
        server.route("GET", "/helix/clips", (request, match, exchange) -> authorized(request, this::getClips));
        server.route("POST", "/helix/chat/announcements",
                (request, match, exchange) -> authorized(request, this::announce));
    }

    PlatformEndpoints endpoints() {
        return PlatformEndpoints.twitch().on(server.base());
    }

    URI base() {
        return server.base();
    }

    TwitchStandIn user(String token, String userId) {
        users.put(token, userId);
        return this;
    }

    public TwitchStandIn channel(String broadcasterId, Channel state) {
        channels.put(broadcasterId, state);
        return this;
    }

    /** New clips are listed from this Get Clips lookup on (1: the first). */
    TwitchStandIn listAfterPolls(int polls) {
        listAfterPolls = polls;
        return this;
    }

    TwitchStandIn neverList() {
        neverList = true;
        return this;
    }

    /** A clip made earlier (before a crash): listed from the next lookup. */
    TwitchStandIn existingClip(String clipId) {
        lookups.put(clipId, new AtomicInteger(listAfterPolls));
        return this;
    }

    public int clipsCreated() {
        return created.get();
    }

    /** Every clip Create Clip started, in order. */
    public List<Clip> clips() {
        return List.copyOf(clips);
    }

    List<Recorded> received(String method, String path) {
        return server.received(method, path);
    }

    private interface Authorized {
        Reply handle(Recorded request, String userId) throws Exception;
    }

    private Reply authorized(Recorded request, Authorized handler) throws Exception {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return error(401, "Unauthorized", "OAuth token is missing");
        }
        String token = authorization.substring("Bearer ".length());
        String user = users.containsKey(token) ? users.get(token)
                : issuedElsewhere.test(token) ? OAuthStandIn.TWITCH_USER_ID : null;
        if (user == null) {
            return error(401, "Unauthorized", "Invalid OAuth token");
        }
        if (!clientId.equals(request.header("Client-Id"))) {
            return error(401, "Unauthorized", "Client ID and OAuth token do not match");
        }
        return handler.handle(request, user);
    }

    private Reply createClip(Recorded request, String user) {
        Map<String, String> query = StandInServer.form(request.query() == null ? "" : request.query());
        String broadcaster = query.get("broadcaster_id");
        if (broadcaster == null || broadcaster.isBlank()) {
            return error(400, "Bad Request", "The broadcaster_id query parameter is required.");
        }
        Channel channel = channels.get(broadcaster);
        if (channel == null) {
            return error(400, "Bad Request", "The ID in the broadcaster_id query parameter was not found.");
        }
        String title = query.get("title");
        if (title != null && title.toLowerCase().contains("forbidden")) {
            return error(400, "Bad Request", "The title did not pass AutoMod checks.");
        }
        if (query.containsKey("duration")) {
            double duration = Double.parseDouble(query.get("duration"));
            if (duration < 5 || duration > 60) {
                return error(400, "Bad Request", "The duration must be between 5 and 60 seconds.");
            }
        }
        if (channel == Channel.OFFLINE) {
            return error(404, "Not Found", "The broadcaster in the broadcaster_id query parameter must be broadcasting live.");
        }
        if (channel == Channel.CLIPS_OFF) {
            return error(403, "Forbidden", "The specified broadcaster has not enabled clips on their channel.");
        }
        String id = "CleverClipSlug-" + created.incrementAndGet();
        clips.add(new Clip(id, broadcaster, user, title == null ? "" : title));
        lookups.put(id, new AtomicInteger());
        return Reply.json(202, "{\"data\":[{\"id\":\"" + id + "\",\"edit_url\":\"https://clips.twitch.tv/" + id + "/edit\"}]}");
    }

    private Reply getClips(Recorded request, String user) {
        Map<String, String> query = StandInServer.form(request.query() == null ? "" : request.query());
        long filters = query.keySet().stream().filter(k -> List.of("id", "broadcaster_id", "game_id").contains(k)).count();
        if (filters != 1) {
            return error(400, "Bad Request", "The id or game_id or broadcaster_id query parameter is required.");
        }
        AtomicInteger seen = lookups.get(query.getOrDefault("id", ""));
        if (seen == null || neverList || seen.incrementAndGet() < listAfterPolls) {
            return Reply.json(200, "{\"data\":[],\"pagination\":{}}");
        }
        String id = query.get("id");
        Clip made = clips.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElse(new Clip(id, "1", "1", "a clip")); // one made before this stand-in started
        ObjectNode clip = JSON.createObjectNode().put("id", id).put("url", "https://clips.twitch.tv/" + id)
                .put("broadcaster_id", made.broadcasterId()).put("creator_id", made.creatorId())
                .put("title", made.title()).put("duration", 30);
        ObjectNode page = JSON.createObjectNode();
        page.putArray("data").add(clip);
        page.putObject("pagination");
        return Reply.json(200, page.toString());
    }

    private Reply announce(Recorded request, String user) {
        Map<String, String> query = StandInServer.form(request.query() == null ? "" : request.query());
        if (!channels.containsKey(query.getOrDefault("broadcaster_id", ""))) {
            return error(400, "Bad Request", "The broadcaster_id query parameter is required.");
        }
        if (!user.equals(query.get("moderator_id"))) {
            return error(403, "Forbidden", "The moderator_id must match the user ID in the access token.");
        }
        if (!String.valueOf(request.header("Content-Type")).startsWith("application/json")) {
            return error(400, "Bad Request", "The request body must be JSON.");
        }
        JsonNode body = JSON.readTree(request.text());
        if (!body.path("message").isString() || body.path("message").asString().isBlank()) {
            return error(400, "Bad Request", "The message field in the request's body is required.");
        }
        return Reply.empty(204);
    }

    private static Reply error(int status, String error, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", error).put("status", status).put("message", message);
        return Reply.json(status, body.toString());
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.close();
        }
    }
}
