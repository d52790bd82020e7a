package dev.truss.adapters.platforms.tiktok;

import com.sun.net.httpserver.HttpExchange;
import dev.truss.adapters.platforms.Sleeper;
import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformEndpoints;
import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.adapters.platforms.StandInServer.Reply;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TikTok's Content Posting API (direct post, {@code FILE_UPLOAD}) at its real paths, with its rules:
 * a Bearer token and {@code application/json; charset=UTF-8} on every API call, answers in TikTok's
 * {@code {data, error:{code,message,log_id}}} envelope, per-token limits a minute (creator info 20,
 * init 6, status 30), the privacy level among the creator's options, a caption of at most 2200
 * UTF-16 units, the chunk rules of the media transfer guide on init (read with MB = 2^20 bytes),
 * and on the upload URL sequential {@code PUT}s whose {@code Content-Range} and length add up,
 * answered 206 until the last, then 201. Scripts: the creator's options, one-off answers per path
 * (an error code in a 200), processing that lasts some polls, a failed post, a chunk that fails.
 * Every request is recorded; {@link #posts()} counts clips received completely and not failed.
 */
public final class TikTokStandIn implements AutoCloseable {

    static final String TOKEN = "act.stand-in-user-token";
    static final String USERNAME = "truss.creator";
    static final long MB = 1024 * 1024;
    static final String CREATOR_INFO = "/v2/post/publish/creator_info/query/";
    static final String INIT = "/v2/post/publish/video/init/";
    static final String STATUS = "/v2/post/publish/status/fetch/";
    static final String UPLOAD = "/video/";
    static final List<String> PUBLIC_ACCOUNT = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");

    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Map<String, Integer> PER_MINUTE = Map.of(CREATOR_INFO, 20, INIT, 6, STATUS, 30);

    /** One direct post as TikTok holds it. */
    static final class Upload {
        final String publishId;
        final String uploadId;
        final String uploadToken;
        final JsonNode postInfo;
        final long videoSize;
        final long chunkSize;
        final int chunkCount;
        final String failReason;
        final String postId;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int chunksReceived;
        int processingPollsLeft;

        Upload(String publishId, String uploadId, JsonNode postInfo, long videoSize, long chunkSize, int chunkCount,
               String failReason, int processingPolls, String postId) {
            this.publishId = publishId;
            this.uploadId = uploadId;
            this.uploadToken = UUID.randomUUID().toString();
            this.postInfo = postInfo;
            this.videoSize = videoSize;
            this.chunkSize = chunkSize;
            this.chunkCount = chunkCount;
            this.failReason = failReason;
            this.processingPollsLeft = processingPolls;
            this.postId = postId;
        }

        boolean complete() {
            return chunksReceived == chunkCount;
        }

        String privacy() {
            return postInfo.path("privacy_level").asString("");
        }
    }

    /** A clock that only {@link #sleep} moves, for polls without waiting. */
    static final class Time extends Clock implements Sleeper {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");
        private final List<Duration> sleeps = new ArrayList<>();

        @Override
        public synchronized void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }

        synchronized List<Duration> sleeps() {
            return List.copyOf(sleeps);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final StandInServer server;
    private final boolean ownsServer;
    private final Predicate<String> tokens;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Map<String, Deque<Reply>> oneOff = new HashMap<>();
    private final Map<String, Deque<Long>> calls = new HashMap<>();
    private final AtomicLong counter = new AtomicLong(7_400_000_000_000_000_000L);
    private final Time time = new Time();
    private List<String> privacyOptions = PUBLIC_ACCOUNT;
    private int maxDurationSec = 600;
    private boolean commentDisabled;
    private int processingPolls;
    private String failReason;
    private int failChunk = -1;

    TikTokStandIn() {
        this(new StandInServer(), TOKEN::equals, true);
    }

    /**
     * On a server shared with other stand-ins, taking the Bearer tokens {@code acceptsToken} takes
     * (those TikTok's OAuth stand-in issued and still honours). Closing this leaves the server to its owner.
     */
    public TikTokStandIn(StandInServer server, Predicate<String> acceptsToken) {
        this(server, acceptsToken, false);
    }

    private TikTokStandIn(StandInServer server, Predicate<String> acceptsToken, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
        this.tokens = acceptsToken;
        server.route("POST", CREATOR_INFO, this::creatorInfo)
                .route("POST", INIT, this::init)
                .route("POST", STATUS, this::status)
                .route("PUT", UPLOAD, this::chunk);
    }

    /** A publisher on this stand-in: 5 MB chunks by default, polls on {@link #time()}. */
    TikTokPublisher publisher() {
        return publisher(new TikTokPublisher.Tuning(5 * MB, Duration.ofSeconds(3), Duration.ofSeconds(15),
                Duration.ofMinutes(3)));
    }

    TikTokPublisher publisher(TikTokPublisher.Tuning tuning) {
        PlatformSettings settings = PlatformSettings.of(new OAuthClient("client-key", "client-secret"),
                PlatformEndpoints.tiktok().on(server.base()));
        return new TikTokPublisher(settings, tuning, time, time);
    }

    Time time() {
        return time;
    }

    /** Where the stand-in listens, for tests that speak to it directly. */
    URI base() {
        return server.base();
    }

    // Scripts

    synchronized TikTokStandIn creator(List<String> options, int maxDurationSec, boolean commentDisabled) {
        this.privacyOptions = List.copyOf(options);
        this.maxDurationSec = maxDurationSec;
        this.commentDisabled = commentDisabled;
        return this;
    }

    /** The next call to {@code path} gets this answer in TikTok's envelope, whatever it asks. */
    synchronized TikTokStandIn answerNext(String path, int httpStatus, String code, String message) {
        oneOff.computeIfAbsent(path, p -> new ArrayDeque<>()).add(error(httpStatus, code, message));
        return this;
    }

    /** Uploads completed from now on stay PROCESSING_UPLOAD for this many polls. */
    synchronized TikTokStandIn processingFor(int polls) {
        this.processingPolls = polls;
        uploads.values().forEach(u -> u.processingPollsLeft = Math.min(u.processingPollsLeft, polls));
        return this;
    }

    /** Posts started from now on end FAILED with this reason (null: they publish). */
    synchronized TikTokStandIn failPublishing(String reason) {
        this.failReason = reason;
        return this;
    }

    /** The next PUT of the chunk at this index answers 503 and keeps no byte. */
    synchronized TikTokStandIn failChunkOnce(int index) {
        this.failChunk = index;
        return this;
    }

    // What happened

    public synchronized int posts() {
        return (int) uploads.values().stream().filter(u -> u.complete() && u.failReason == null).count();
    }

    /** The videos of the posts TikTok published (received completely, not failed), in order. */
    public synchronized List<byte[]> postedVideos() {
        return uploads.values().stream().filter(u -> u.complete() && u.failReason == null)
                .map(u -> u.bytes.toByteArray()).toList();
    }

    synchronized List<String> publishIds() {
        return List.copyOf(uploads.keySet());
    }

    synchronized Upload upload(String publishId) {
        return uploads.get(publishId);
    }

    List<Recorded> received(String method, String path) {
        return server.received(method, Pattern.quote(path));
    }

    List<Recorded> received() {
        return server.received();
    }

    // The API

    private synchronized Reply creatorInfo(Recorded request, Matcher match, HttpExchange exchange) {
        Optional<Reply> refused = refuse(request, CREATOR_INFO);
        if (refused.isPresent()) {
            return refused.get();
        }
        ObjectNode data = PlatformHttp.JSON.createObjectNode();
        data.put("creator_avatar_url", "https://p16.tiktokcdn.example/avatar.jpg");
        data.put("creator_username", USERNAME);
        data.put("creator_nickname", "Truss Creator");
        privacyOptions.forEach(data.putArray("privacy_level_options")::add);
        data.put("comment_disabled", commentDisabled);
        data.put("duet_disabled", false);
        data.put("stitch_disabled", false);
        data.put("max_video_post_duration_sec", maxDurationSec);
        return ok(data);
    }

    private synchronized Reply init(Recorded request, Matcher match, HttpExchange exchange) {
        Optional<Reply> refused = refuse(request, INIT);
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode body = PlatformHttp.JSON.readTree(request.text());
        JsonNode post = body.path("post_info");
        JsonNode source = body.path("source_info");
        String privacy = post.path("privacy_level").asString("");
        if (!privacyOptions.contains(privacy)) {
            return error(400, "privacy_level_option_mismatch", "privacy_level is not among the creator's options");
        }
        if (post.path("title").asString("").length() > 2200) {
            return error(400, "invalid_param", "title is longer than 2200 runes");
        }
        if (commentDisabled && !post.path("disable_comment").asBoolean(false)) {
            return error(400, "invalid_param", "the creator has turned comments off");
        }
        if (!"FILE_UPLOAD".equals(source.path("source").asString(""))) {
            return error(400, "invalid_param", "source must be FILE_UPLOAD or PULL_FROM_URL");
        }
        long size = source.path("video_size").asLong(-1);
        long chunk = source.path("chunk_size").asLong(-1);
        long count = source.path("total_chunk_count").asLong(-1);
        Optional<String> broken = chunkRuleBroken(size, chunk, count);
        if (broken.isPresent()) {
            return error(400, "invalid_param", broken.get());
        }
        String publishId = "v_pub_file~v2-1." + counter.incrementAndGet();
        Upload upload = new Upload(publishId, Long.toString(counter.incrementAndGet()), post, size, chunk, (int) count,
                failReason, processingPolls, Long.toString(counter.incrementAndGet()));
        uploads.put(publishId, upload);
        ObjectNode data = PlatformHttp.JSON.createObjectNode();
        data.put("publish_id", publishId);
        data.put("upload_url", server.base() + UPLOAD + "?upload_id=" + upload.uploadId + "&upload_token="
                + upload.uploadToken);
        return ok(data);
    }

    /** The media transfer guide's chunk rules, independent of the adapter's own reading. */
    static Optional<String> chunkRuleBroken(long size, long chunk, long count) {
        if (size <= 0 || chunk <= 0 || count <= 0) {
            return Optional.of("video_size, chunk_size and total_chunk_count are positive");
        }
        if (size < 5 * MB && (chunk != size || count != 1)) {
            return Optional.of("a video under 5 MB is uploaded whole: chunk_size = video_size, one chunk");
        }
        if (size >= 5 * MB && (chunk < 5 * MB || chunk > 64 * MB)) {
            return Optional.of("chunk_size must be 5 MB to 64 MB");
        }
        if (count != size / chunk) {
            return Optional.of("total_chunk_count must be video_size / chunk_size rounded down");
        }
        if (count > 1000) {
            return Optional.of("at most 1000 chunks");
        }
        if (size > 64 * MB && count < 2) {
            return Optional.of("a video over 64 MB goes in several chunks");
        }
        if (size - (count - 1) * chunk > 128 * MB) {
            return Optional.of("the last chunk is at most 128 MB");
        }
        return Optional.empty();
    }

    private synchronized Reply status(Recorded request, Matcher match, HttpExchange exchange) {
        Optional<Reply> refused = refuse(request, STATUS);
        if (refused.isPresent()) {
            return refused.get();
        }
        Upload upload = uploads.get(PlatformHttp.JSON.readTree(request.text()).path("publish_id").asString(""));
        if (upload == null) {
            return error(400, "invalid_publish_id", "publish_id does not exist");
        }
        ObjectNode data = PlatformHttp.JSON.createObjectNode();
        data.put("uploaded_bytes", upload.bytes.size());
        var ids = data.putArray("publicaly_available_post_id");
        if (!upload.complete()) {
            data.put("status", "PROCESSING_UPLOAD");
        } else if (upload.failReason != null) {
            data.put("status", "FAILED");
            data.put("fail_reason", upload.failReason);
        } else if (upload.processingPollsLeft > 0) {
            upload.processingPollsLeft--;
            data.put("status", "PROCESSING_UPLOAD");
        } else {
            data.put("status", "PUBLISH_COMPLETE");
            if (!upload.privacy().equals("SELF_ONLY")) {
                ids.add(Long.parseLong(upload.postId)); // TikTok sends the ids as numbers
            }
        }
        return ok(data);
    }

    private synchronized Reply chunk(Recorded request, Matcher match, HttpExchange exchange) {
        Map<String, String> query = StandInServer.form(request.query() == null ? "" : request.query());
        Upload upload = uploads.values().stream().filter(u -> u.uploadId.equals(query.get("upload_id"))
                && u.uploadToken.equals(query.get("upload_token"))).findFirst().orElse(null);
        if (upload == null) {
            return Reply.empty(404);
        }
        String type = String.valueOf(request.header("Content-Type"));
        if (!List.of("video/mp4", "video/quicktime", "video/webm").contains(type)) {
            return Reply.empty(400);
        }
        Matcher range = RANGE.matcher(String.valueOf(request.header("Content-Range")));
        if (!range.matches() || !String.valueOf(request.body().length).equals(request.header("Content-Length"))) {
            return Reply.empty(400);
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        long total = Long.parseLong(range.group(3));
        int index = upload.chunksReceived;
        long expected = index == upload.chunkCount - 1 ? upload.videoSize - index * upload.chunkSize : upload.chunkSize;
        boolean fits = total == upload.videoSize && first == (long) index * upload.chunkSize
                && last - first + 1 == expected && request.body().length == expected && !upload.complete();
        if (!fits) {
            return Reply.empty(416);
        }
        if (failChunk == index) {
            failChunk = -1;
            return Reply.empty(503);
        }
        upload.bytes.writeBytes(request.body());
        upload.chunksReceived++;
        return Reply.empty(upload.complete() ? 201 : 206);
    }

    /** Why TikTok would turn this API call away before reading it, if it would. */
    private Optional<Reply> refuse(Recorded request, String path) {
        String authorization = String.valueOf(request.header("Authorization"));
        if (!authorization.startsWith("Bearer ") || !tokens.test(authorization.substring("Bearer ".length()))) {
            return Optional.of(error(401, "access_token_invalid",
                    "The access token is invalid or not found in the request."));
        }
        String type = String.valueOf(request.header("Content-Type")).replace(" ", "").toLowerCase(Locale.ROOT);
        if (!type.equals("application/json;charset=utf-8")) {
            return Optional.of(error(400, "invalid_param", "Content-Type must be application/json; charset=UTF-8"));
        }
        Deque<Long> recent = calls.computeIfAbsent(path, p -> new ArrayDeque<>());
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() > Duration.ofMinutes(1).toNanos()) {
            recent.removeFirst();
        }
        if (recent.size() >= PER_MINUTE.get(path)) {
            return Optional.of(error(429, "rate_limit_exceeded", "API rate limit was exceeded."));
        }
        recent.addLast(now);
        Deque<Reply> scripted = oneOff.get(path);
        return Optional.ofNullable(scripted == null ? null : scripted.pollFirst());
    }

    private Reply ok(ObjectNode data) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode();
        body.set("data", data);
        body.set("error", envelopeError("ok", ""));
        return Reply.json(200, PlatformHttp.JSON.writeValueAsString(body));
    }

    private Reply error(int status, String code, String message) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode();
        body.putObject("data");
        body.set("error", envelopeError(code, message));
        return Reply.json(status, PlatformHttp.JSON.writeValueAsString(body));
    }

    private ObjectNode envelopeError(String code, String message) {
        ObjectNode error = PlatformHttp.JSON.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("log_id", "2026010100000000" + counter.incrementAndGet());
        return error;
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.close();
        }
    }
}
