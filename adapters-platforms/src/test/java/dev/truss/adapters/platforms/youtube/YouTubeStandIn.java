package dev.truss.adapters.platforms.youtube;

import com.sun.net.httpserver.HttpExchange;
import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformEndpoints;
import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.adapters.platforms.StandInServer.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * YouTube's resumable upload API as Google documents it, at its real paths, strict where Google is:
 * a Bearer token it knows (else 401 in Google's error shape), the start request's query, headers
 * and video resource, {@code Content-Range} arithmetic against what it holds, chunks in multiples
 * of 256 KiB, and the final size against {@code X-Upload-Content-Length}. It keeps partial uploads
 * and can be told to break the next upload after some bytes, answer 503, refuse for quota, let
 * every session expire, or lock videos private as for an unaudited app.
 */
public final class YouTubeStandIn implements AutoCloseable {

    public static final String PATH = "/upload/youtube/v3/videos";

    /** A finished upload: the video YouTube now has. */
    public record Video(String id, byte[] content, JsonNode resource) {
    }

    private static final class Session {
        final long total;
        final JsonNode metadata;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Video video;
        boolean expired;

        Session(long total, JsonNode metadata) {
            this.total = total;
            this.metadata = metadata;
        }
    }

    private static final Set<String> CATEGORIES = Set.of("1", "2", "10", "15", "17", "19", "20", "22", "23", "24",
            "25", "26", "27", "28", "29");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final StandInServer server;
    private final boolean ownsServer;
    private final Predicate<String> tokens;
    private final Map<String, Session> sessions = new HashMap<>();
    private final List<Video> videos = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private long dropAfter = -1;
    private int unavailable;
    private String refuseStart;
    private boolean lockPrivate;

    YouTubeStandIn(String... acceptedTokens) {
        this(new StandInServer(), Set.of(acceptedTokens)::contains, true);
    }

    /**
     * On a server shared with other stand-ins, taking the Bearer tokens {@code acceptsToken} takes
     * (those Google's stand-in issued and still honours). Closing this leaves the server to its owner.
     */
    public YouTubeStandIn(StandInServer server, Predicate<String> acceptsToken) {
        this(server, acceptsToken, false);
    }

    private YouTubeStandIn(StandInServer server, Predicate<String> acceptsToken, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
        this.tokens = acceptsToken;
        server.route("POST", PATH, this::start);
        server.route("PUT", PATH, this::upload);
    }

    /** Settings pointing a publisher here. */
    YouTubeSettings settings() {
        return YouTubeSettings.of(PlatformSettings.of(new OAuthClient("truss-client", "truss-secret"),
                PlatformEndpoints.youtube().on(server.base())));
    }

    StandInServer server() {
        return server;
    }

    /** The upload ids of every session opened: each is a bearer credential for its upload. */
    public synchronized List<String> uploadIds() {
        return List.copyOf(sessions.keySet());
    }

    public int postsOnPlatform() {
        return videos.size();
    }

    public List<Video> videos() {
        return List.copyOf(videos);
    }

    /** The next upload request keeps its first {@code bytes} and the connection drops unanswered. */
    synchronized void dropNextUploadAfter(long bytes) {
        dropAfter = bytes;
    }

    /** The next {@code times} upload requests (with bytes) answer 503 and keep nothing. */
    synchronized void answerUnavailable(int times) {
        unavailable = times;
    }

    /** The next start is refused with 403 and this reason ({@code quotaExceeded}, {@code forbidden}…). */
    synchronized void refuseNextStart(String reason) {
        refuseStart = reason;
    }

    /** Every session so far has expired, as after a week: Google answers 404. */
    synchronized void expireSessions() {
        sessions.values().forEach(s -> s.expired = true);
    }

    /** Videos end up private whatever was asked, as for an app Google has not audited. */
    synchronized void lockVideosPrivate() {
        lockPrivate = true;
    }

    private synchronized Reply start(Recorded request, Matcher match, HttpExchange exchange) {
        Reply denied = authorize(request);
        if (denied != null) {
            return denied;
        }
        Map<String, String> query = StandInServer.form(request.query() == null ? "" : request.query());
        if (!"resumable".equals(query.get("uploadType"))) {
            return error(400, "global", "invalidParameter", "uploadType must be resumable");
        }
        if (!Arrays.asList(query.getOrDefault("part", "").split(",")).containsAll(List.of("snippet", "status"))) {
            return error(400, "youtube.part", "unexpectedPart", "part must name snippet and status");
        }
        String contentType = String.valueOf(request.header("Content-Type"));
        if (!contentType.toLowerCase().startsWith("application/json")) {
            return error(400, "global", "badContent", "the video resource must be JSON, got " + contentType);
        }
        long total = number(request.header("X-Upload-Content-Length"));
        if (total <= 0) {
            return error(400, "global", "invalidParameter", "X-Upload-Content-Length must be the file's size");
        }
        if (!videoType(request.header("X-Upload-Content-Type"))) {
            return error(400, "youtube.video", "invalidMediaType", "X-Upload-Content-Type must be video/*");
        }
        if (refuseStart != null) {
            String reason = refuseStart;
            refuseStart = null;
            return error(403, reason.equals("quotaExceeded") ? "youtube.quota" : "youtube.video", reason,
                    "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.");
        }
        JsonNode video;
        try {
            video = PlatformHttp.JSON.readTree(request.text());
        } catch (JacksonException notJson) {
            return error(400, "global", "parseError", "Parse Error");
        }
        Reply invalid = validate(video);
        if (invalid != null) {
            return invalid;
        }
        String uploadId = id(32);
        sessions.put(uploadId, new Session(total, video));
        return Reply.empty(200).withHeader("Location", server.base() + PATH
                + "?uploadType=resumable&part=snippet,status&upload_id=" + uploadId);
    }

    private static Reply validate(JsonNode video) {
        String title = video.at("/snippet/title").isString() ? video.at("/snippet/title").asString() : "";
        if (title.isBlank() || title.codePointCount(0, title.length()) > 100 || title.matches("(?s).*[<>].*")) {
            return error(400, "youtube.video", "invalidTitle", "The request metadata specifies an invalid video title.");
        }
        JsonNode description = video.at("/snippet/description");
        if (description.isString() && (description.asString().getBytes(StandardCharsets.UTF_8).length > 5000
                || description.asString().matches("(?s).*[<>].*"))) {
            return error(400, "youtube.video", "invalidDescription", "The request metadata specifies an invalid video description.");
        }
        if (!CATEGORIES.contains(video.at("/snippet/categoryId").isString() ? video.at("/snippet/categoryId").asString() : "")) {
            return error(400, "youtube.video", "invalidCategoryId", "The snippet.categoryId property specifies an invalid category ID.");
        }
        JsonNode privacy = video.at("/status/privacyStatus");
        if (!privacy.isString() || !Set.of("public", "unlisted", "private").contains(privacy.asString())
                || !video.at("/status/selfDeclaredMadeForKids").isBoolean()) {
            return error(400, "youtube.video", "invalidVideoMetadata", "The request metadata is invalid.");
        }
        return null;
    }

    private synchronized Reply upload(Recorded request, Matcher match, HttpExchange exchange) {
        Map<String, String> query = StandInServer.form(request.query() == null ? "" : request.query());
        Session session = sessions.get(query.get("upload_id"));
        if (session == null || session.expired) {
            return error(404, "global", "notFound", "Not Found");
        }
        Reply denied = authorize(request);
        if (denied != null) {
            return denied;
        }
        if (number(request.header("Content-Length")) != request.body().length) {
            return error(400, "global", "badRequest", "Content-Length must be the number of bytes sent");
        }
        if (session.video != null) {
            return videoReply(200, session.video); // a finished session answers with its video, every time
        }
        String range = request.header("Content-Range");
        byte[] body = request.body();
        if (body.length == 0) {
            if (!("bytes */" + session.total).equals(range)) {
                return error(400, "global", "badRequest", "a status query says Content-Range: bytes */<total>");
            }
            return incomplete(session);
        }
        if (!videoType(request.header("Content-Type"))) {
            return error(400, "youtube.video", "invalidMediaType", "the upload's Content-Type must be video/*");
        }
        long received = session.bytes.size();
        if (range == null) {
            if (received != 0 || body.length != session.total) {
                return error(400, "global", "badRequest", "without Content-Range the whole file must be sent at once");
            }
        } else {
            Matcher parts = CONTENT_RANGE.matcher(range);
            if (!parts.matches() || Long.parseLong(parts.group(3)) != session.total
                    || Long.parseLong(parts.group(1)) != received
                    || Long.parseLong(parts.group(2)) - received + 1 != body.length
                    || Long.parseLong(parts.group(2)) >= session.total) {
                return error(400, "global", "badRequest", "Content-Range " + range + " does not follow the "
                        + received + " bytes received of " + session.total);
            }
            if (received + body.length < session.total && body.length % YouTubeSettings.CHUNK_GRANULE != 0) {
                return error(400, "global", "badRequest", "a chunk but the last is a multiple of 256 KiB");
            }
        }
        if (unavailable > 0) {
            unavailable--;
            return error(503, "global", "backendError", "Backend Error");
        }
        if (dropAfter >= 0) {
            session.bytes.write(body, 0, (int) Math.min(dropAfter, body.length));
            dropAfter = -1;
            exchange.close(); // no answer: the client sees the connection break
            return null;
        }
        session.bytes.write(body, 0, body.length);
        if (session.bytes.size() < session.total) {
            return incomplete(session);
        }
        session.video = new Video(id(11), session.bytes.toByteArray(), resource(session));
        videos.add(session.video);
        return videoReply(201, session.video);
    }

    private JsonNode resource(Session session) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("uploadStatus", "uploaded");
        status.put("privacyStatus", lockPrivate ? "private" : session.metadata.at("/status/privacyStatus").asString());
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("kind", "youtube#video");
        video.put("id", "pending");
        video.put("snippet", session.metadata.get("snippet"));
        video.put("status", status);
        return PlatformHttp.JSON.valueToTree(video);
    }

    private static Reply videoReply(int status, Video video) {
        Map<String, Object> resource = PlatformHttp.JSON.convertValue(video.resource(), Map.class);
        resource.put("id", video.id());
        return Reply.json(status, PlatformHttp.JSON.writeValueAsString(resource));
    }

    /** 308 Resume Incomplete, with the bytes held as {@code Range} unless none are. */
    private static Reply incomplete(Session session) {
        Reply reply = Reply.empty(308);
        int held = session.bytes.size();
        return held == 0 ? reply : reply.withHeader("Range", "bytes=0-" + (held - 1));
    }

    private Reply authorize(Recorded request) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")
                && tokens.test(authorization.substring("Bearer ".length()))) {
            return null;
        }
        return error(401, "global", "authError", "Invalid Credentials")
                .withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
    }

    private static Reply error(int code, String domain, String reason, String message) {
        Map<String, Object> detail = Map.of("message", message, "domain", domain, "reason", reason);
        Map<String, Object> error = Map.of("code", code, "message", message, "errors", List.of(detail));
        return Reply.json(code, PlatformHttp.JSON.writeValueAsString(Map.of("error", error)));
    }

    private static boolean videoType(String type) {
        return type != null && (type.startsWith("video/") || type.equals("application/octet-stream"));
    }

    private static long number(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String id(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.close();
        }
    }
}
