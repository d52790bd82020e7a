package dev.truss.adapters.platforms.oauth;

import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformEndpoints;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.adapters.platforms.StandInServer.Reply;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformAuthorizer.AuthorizationRequest;
import dev.truss.application.port.platform.Pkce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One platform's OAuth server on a {@link StandInServer}, at the platform's real paths: the
 * consent page (which checks the client, the registered redirect, {@code response_type}, the
 * exact scopes and the PKCE challenge, then redirects with a code), the token endpoint (codes are
 * single-use and bound to their redirect and challenge; client credentials checked; refresh
 * tokens rotate where the platform rotates them), revocation, and the API call that names the
 * account. Each platform's quirks come from its {@link Flavor}.
 */
public final class OAuthStandIn implements AutoCloseable {

    public static final String CLIENT_ID = "truss-client-id";
    public static final String CLIENT_SECRET = "truss-client-SECRET-value";
    public static final URI REGISTERED_REDIRECT = URI.create("https://truss.example/connect/callback?platform=test");
    /** The Twitch user every Twitch token here belongs to, as Helix {@code /users} names it: the broadcaster. */
    public static final String TWITCH_USER_ID = "141981764";

    /** The platform played. */
    public enum Flavor {
        GOOGLE(PlatformEndpoints.youtube(), "client_id", " ",
                Set.of("https://www.googleapis.com/auth/youtube.upload", "https://www.googleapis.com/auth/youtube.readonly")),
        TIKTOK(PlatformEndpoints.tiktok(), "client_key", ",", Set.of("user.info.basic", "video.publish", "video.upload")),
        TWITCH(PlatformEndpoints.twitch(), "client_id", " ", Set.of("clips:edit", "user:read:chat")),
        DISCORD(PlatformEndpoints.discord(), "client_id", " ", Set.of("webhook.incoming"));

        final PlatformEndpoints endpoints;
        final String clientIdField;
        final String scopeSeparator;
        final Set<String> scopes;

        Flavor(PlatformEndpoints endpoints, String clientIdField, String scopeSeparator, Set<String> scopes) {
            this.endpoints = endpoints;
            this.clientIdField = clientIdField;
            this.scopeSeparator = scopeSeparator;
            this.scopes = scopes;
        }
    }

    public record Webhook(String id, String token, String name, String channelId) {
    }

    private record Issued(URI redirect, String challenge, boolean offline) {
    }

    private final Flavor flavor;
    private final StandInServer server;
    private final boolean ownsServer;
    private final URI registeredRedirect;
    private final List<String> everyToken = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Issued> codes = new HashMap<>();
    private final Map<String, Long> refreshTokens = new HashMap<>(); // token -> grant
    private final Map<String, Long> accessTokens = new HashMap<>();
    private final Set<Long> revokedGrants = new HashSet<>();
    private final Map<String, Webhook> webhooks = new HashMap<>(); // id -> webhook
    private volatile boolean hasChannel = true;

    public OAuthStandIn(Flavor flavor) {
        this(flavor, new StandInServer(), REGISTERED_REDIRECT, true);
    }

    /**
     * On a server shared with other stand-ins (one base URL for every platform, as
     * {@link PlatformEndpoints#on} makes it), with Truss's app registered for {@code registeredRedirect}.
     * Closing this leaves the shared server to its owner.
     */
    public OAuthStandIn(Flavor flavor, StandInServer server, URI registeredRedirect) {
        this(flavor, server, registeredRedirect, false);
    }

    private OAuthStandIn(Flavor flavor, StandInServer server, URI registeredRedirect, boolean ownsServer) {
        this.flavor = flavor;
        this.server = server;
        this.ownsServer = ownsServer;
        this.registeredRedirect = registeredRedirect;
        String api = flavor.endpoints.api().getPath();
        server.route("GET", flavor.endpoints.authorize().getPath(), (r, m, x) -> consent(r));
        server.route("POST", flavor.endpoints.token().getPath(), (r, m, x) -> token(r));
        server.route("POST", flavor.endpoints.revoke().getPath(), (r, m, x) -> revoke(r));
        switch (flavor) {
            case GOOGLE -> server.route("GET", api + "/youtube/v3/channels", (r, m, x) -> channels(r));
            case TIKTOK -> server.route("GET", api + "/v2/user/info/", (r, m, x) -> tiktokUser(r));
            case TWITCH -> server.route("GET", api + "/users", (r, m, x) -> twitchUsers(r));
            case DISCORD -> {
                server.route("GET", api + "/webhooks/(\\d+)/([\\w-]+)", (r, m, x) -> webhook(m.group(1), m.group(2), false));
                server.route("DELETE", api + "/webhooks/(\\d+)/([\\w-]+)", (r, m, x) -> webhook(m.group(1), m.group(2), true));
            }
        }
    }

    /** Truss's app as registered with this stand-in, on its address. */
    public PlatformSettings settings() {
        return PlatformSettings.of(new OAuthClient(CLIENT_ID, CLIENT_SECRET), flavor.endpoints.on(server.base()));
    }

    public StandInServer server() {
        return server;
    }

    /** Whether {@code accessToken} is one this server issued and still honours (not expired, not revoked). */
    public synchronized boolean accepts(String accessToken) {
        Long grant = accessTokens.get(accessToken);
        return grant != null && !revokedGrants.contains(grant);
    }

    /** Every access and refresh token this server has issued, in order, whatever became of them. */
    public List<String> issuedTokens() {
        return List.copyOf(everyToken);
    }

    /** The Google account has no YouTube channel. */
    public void withoutChannel() {
        hasChannel = false;
    }

    /** A webhook that exists on the Discord stand-in, as a creator would copy it. */
    public synchronized Webhook createWebhook() {
        long n = counter.incrementAndGet();
        Webhook hook = new Webhook(String.valueOf(1_100_000_000_000_000_000L + n), "hook-TOKEN-" + n + "_x-Y",
                "Truss clips", "998877665544332211");
        webhooks.put(hook.id(), hook);
        return hook;
    }

    public synchronized boolean webhookExists(String id) {
        return webhooks.containsKey(id);
    }

    /** The creator clicks "Allow": GETs the consent URL as a browser would and returns where it redirects. */
    public URI approve(URI authorizationUrl) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorizationUrl).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 302) {
            throw new AssertionError("the consent page refused (" + page.statusCode() + "): " + page.body());
        }
        return URI.create(page.headers().firstValue("Location").orElseThrow());
    }

    /** Runs the consent for {@code authorizer} and returns the code it redirected back with. */
    public String issueCode(PlatformAuthorizer authorizer, Pkce pkce) throws Exception {
        URI back = approve(authorizer.authorizationUrl(new AuthorizationRequest("state-1", pkce.challenge(),
                registeredRedirect)));
        return StandInServer.form(back.getRawQuery()).get("code");
    }

    /** The access token lapses (as after its lifetime); the grant's refresh token still works. */
    public synchronized void expire(String accessToken) {
        accessTokens.remove(accessToken);
    }

    /** The form (or query) of the last request to {@code pathRegex}. */
    public Map<String, String> last(String method, String pathRegex) {
        List<Recorded> hits = server.received(method, pathRegex);
        if (hits.isEmpty()) {
            throw new AssertionError("no " + method + " " + pathRegex + " received");
        }
        return hits.get(hits.size() - 1).form();
    }

    private synchronized Reply consent(Recorded request) {
        Map<String, String> q = request.form();
        if (!CLIENT_ID.equals(q.get(flavor.clientIdField))) {
            return page("unknown " + flavor.clientIdField);
        }
        if (!registeredRedirect.toString().equals(q.get("redirect_uri"))) {
            return page("redirect_uri is not registered");
        }
        if (!"code".equals(q.get("response_type"))) {
            return page("response_type must be code");
        }
        if (!Set.of(q.getOrDefault("scope", "").split(java.util.regex.Pattern.quote(flavor.scopeSeparator)))
                .equals(flavor.scopes)) {
            return page("invalid_scope");
        }
        String challenge = q.getOrDefault("code_challenge", "");
        if (flavor != Flavor.TWITCH) { // Twitch has no PKCE: it ignores both parameters
            String format = flavor == Flavor.TIKTOK ? "[0-9a-f]{64}" : "[A-Za-z0-9_-]{43}";
            if (!challenge.matches(format) || !"S256".equals(q.get("code_challenge_method"))) {
                return page("invalid code_challenge");
            }
        }
        // Google sends a refresh token only for offline access, and again only on a forced consent.
        boolean offline = flavor != Flavor.GOOGLE
                || ("offline".equals(q.get("access_type")) && "consent".equals(q.get("prompt")));
        String code = "code-" + counter.incrementAndGet();
        codes.put(code, new Issued(URI.create(q.get("redirect_uri")), challenge, offline));
        String back = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + enc(code)
                + "&state=" + enc(q.getOrDefault("state", ""));
        return new Reply(302, Map.of("Location", back), new byte[0]);
    }

    private synchronized Reply token(Recorded request) throws Exception {
        if (!String.valueOf(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
            return refuse("invalid_request", "the body must be a form");
        }
        Map<String, String> form = request.form();
        if (!clientAuthenticated(request, form)) {
            return switch (flavor) {
                case TIKTOK -> Reply.json(200, "{\"error\":\"invalid_client\",\"error_description\":\"bad client\"}");
                case TWITCH -> Reply.json(403, "{\"status\":403,\"message\":\"invalid client secret\"}");
                default -> Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
            };
        }
        return switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> trade(form);
            case "refresh_token" -> refresh(form);
            default -> refuse("unsupported_grant_type", "grant_type");
        };
    }

    private boolean clientAuthenticated(Recorded request, Map<String, String> form) {
        if (CLIENT_ID.equals(form.get(flavor.clientIdField)) && CLIENT_SECRET.equals(form.get("client_secret"))) {
            return true;
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        return flavor == Flavor.DISCORD && basic.equals(request.header("Authorization")); // Discord takes either
    }

    private Reply trade(Map<String, String> form) throws Exception {
        Issued issued = codes.remove(form.getOrDefault("code", "")); // single use, whatever happens next
        if (issued == null) {
            return refuse("invalid_grant", "Invalid authorization code");
        }
        if (!issued.redirect().toString().equals(form.get("redirect_uri"))) {
            return refuse("invalid_grant", "redirect_uri mismatch");
        }
        if (flavor != Flavor.TWITCH) {
            String verifier = form.get("code_verifier");
            if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
                return refuse("invalid_request", "Invalid \"code_verifier\"");
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String expected = flavor == Flavor.TIKTOK ? HexFormat.of().formatHex(digest)
                    : Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            if (!expected.equals(issued.challenge())) {
                return refuse("invalid_grant", "Code verifier or code challenge is invalid.");
            }
        }
        long grant = counter.incrementAndGet();
        String refresh = issued.offline() ? "refresh-" + counter.incrementAndGet() : null;
        if (refresh != null) {
            refreshTokens.put(refresh, grant);
            everyToken.add(refresh);
        }
        return Reply.json(200, answer(grant, refresh));
    }

    private Reply refresh(Map<String, String> form) {
        String used = form.getOrDefault("refresh_token", "");
        Long grant = refreshTokens.get(used);
        if (grant == null || revokedGrants.contains(grant)) {
            return refuse("invalid_grant", "Invalid refresh token");
        }
        String next = null;
        if (flavor == Flavor.TIKTOK || flavor == Flavor.TWITCH || flavor == Flavor.DISCORD) { // they rotate
            refreshTokens.remove(used);
            next = "refresh-" + counter.incrementAndGet();
            refreshTokens.put(next, grant);
            everyToken.add(next);
        }
        return Reply.json(200, answer(grant, next));
    }

    private String answer(long grant, String refresh) {
        String access = "access-" + counter.incrementAndGet();
        accessTokens.put(access, grant);
        everyToken.add(access);
        String refreshField = refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"";
        return switch (flavor) {
            case GOOGLE -> "{\"access_token\":\"" + access + "\",\"expires_in\":3599,\"token_type\":\"Bearer\","
                    + "\"scope\":\"" + String.join(" ", flavor.scopes) + "\"" + refreshField + "}";
            case TIKTOK -> "{\"access_token\":\"" + access + "\",\"expires_in\":86400,\"open_id\":\"tiktok-open-id-1\","
                    + "\"refresh_expires_in\":31536000,\"scope\":\"" + String.join(",", flavor.scopes)
                    + "\",\"token_type\":\"Bearer\"" + refreshField + "}";
            case TWITCH -> "{\"access_token\":\"" + access + "\",\"expires_in\":14124,\"token_type\":\"bearer\","
                    + "\"scope\":[\"clips:edit\",\"user:read:chat\"]" + refreshField + "}";
            case DISCORD -> {
                Webhook hook = createWebhook();
                yield "{\"access_token\":\"" + access + "\",\"expires_in\":604800,\"token_type\":\"Bearer\","
                        + "\"scope\":\"webhook.incoming\"" + refreshField + ",\"webhook\":{\"type\":1,\"id\":\""
                        + hook.id() + "\",\"token\":\"" + hook.token() + "\",\"name\":\"" + hook.name()
                        + "\",\"channel_id\":\"" + hook.channelId() + "\",\"guild_id\":\"112233\",\"url\":"
                        + "\"https://discord.com/api/webhooks/" + hook.id() + "/" + hook.token() + "\"}}";
            }
        };
    }

    private synchronized Reply revoke(Recorded request) {
        Map<String, String> form = request.form();
        boolean clientOk = switch (flavor) {
            case GOOGLE -> true; // Google's revocation takes the token alone
            case TWITCH -> CLIENT_ID.equals(form.get("client_id"));
            case TIKTOK, DISCORD -> clientAuthenticated(request, form);
        };
        if (!clientOk) {
            return Reply.json(flavor == Flavor.TWITCH ? 400 : 401, "{\"error\":\"invalid_client\",\"message\":\"invalid client\"}");
        }
        String token = form.getOrDefault("token", "");
        Long grant = accessTokens.containsKey(token) ? accessTokens.get(token) : refreshTokens.get(token);
        if (grant == null || revokedGrants.contains(grant)) {
            return switch (flavor) {
                case GOOGLE -> Reply.json(400, "{\"error\":\"invalid_token\",\"error_description\":\"Token expired or revoked\"}");
                case TWITCH -> Reply.json(400, "{\"status\":400,\"message\":\"Invalid token\"}");
                default -> Reply.json(200, "{}"); // RFC 7009: an unknown token is not an error
            };
        }
        revokedGrants.add(grant); // every platform here ends the whole authorization
        return Reply.json(200, "{}");
    }

    /** The grant a bearer token belongs to, if it is live. */
    private synchronized Long bearer(Recorded request) {
        String auth = String.valueOf(request.header("Authorization"));
        Long grant = auth.startsWith("Bearer ") ? accessTokens.get(auth.substring(7)) : null;
        return grant == null || revokedGrants.contains(grant) ? null : grant;
    }

    private Reply channels(Recorded request) {
        if (bearer(request) == null) {
            return Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}");
        }
        Map<String, String> q = request.form();
        if (!"snippet".equals(q.get("part")) || !"true".equals(q.get("mine"))) {
            return Reply.json(400, "{\"error\":{\"code\":400,\"message\":\"part and a filter are required\"}}");
        }
        return Reply.json(200, hasChannel
                ? "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"id\":\"UC-truss-channel\","
                  + "\"snippet\":{\"title\":\"Truss Creator\"}}]}"
                : "{\"kind\":\"youtube#channelListResponse\",\"pageInfo\":{\"totalResults\":0}}");
    }

    private Reply tiktokUser(Recorded request) {
        if (bearer(request) == null) {
            return Reply.json(401, "{\"data\":{},\"error\":{\"code\":\"access_token_invalid\",\"message\":\"The access token is invalid or not found in the request.\",\"log_id\":\"l1\"}}");
        }
        if (!List.of("open_id", "display_name").equals(List.of(request.form().getOrDefault("fields", "").split(",")))) {
            return Reply.json(400, "{\"data\":{},\"error\":{\"code\":\"invalid_params\",\"message\":\"fields\",\"log_id\":\"l2\"}}");
        }
        return Reply.json(200, "{\"data\":{\"user\":{\"open_id\":\"tiktok-open-id-1\",\"display_name\":\"Truss Creator\"}},"
                + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"l3\"}}");
    }

    private Reply twitchUsers(Recorded request) {
        if (bearer(request) == null || !CLIENT_ID.equals(request.header("Client-Id"))) {
            return Reply.json(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Client ID and OAuth token do not match\"}");
        }
        return Reply.json(200, "{\"data\":[{\"id\":\"" + TWITCH_USER_ID + "\",\"login\":\"trusscreator\",\"display_name\":\"TrussCreator\"}]}");
    }

    private synchronized Reply webhook(String id, String token, boolean delete) {
        Webhook hook = webhooks.get(id);
        if (hook == null) {
            return Reply.json(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}");
        }
        if (!hook.token().equals(token)) {
            return Reply.json(401, "{\"message\":\"Invalid Webhook Token\",\"code\":50027}");
        }
        if (delete) {
            webhooks.remove(id);
            return Reply.empty(204);
        }
        return Reply.json(200, "{\"type\":1,\"id\":\"" + id + "\",\"name\":\"" + hook.name() + "\",\"channel_id\":\""
                + hook.channelId() + "\",\"guild_id\":\"112233\",\"token\":\"" + token + "\"}");
    }

    /** An OAuth refusal as this platform writes it (TikTok: in a 200 body). */
    private Reply refuse(String error, String description) {
        return switch (flavor) {
            case TIKTOK -> Reply.json(200, "{\"error\":\"" + error + "\",\"error_description\":\"" + description.replace("\"", "\\\"")
                    + "\",\"log_id\":\"202401010000\"}");
            case TWITCH -> Reply.json(400, "{\"status\":400,\"message\":\"" + description + "\"}");
            default -> Reply.json(400, "{\"error\":\"" + error + "\",\"error_description\":\"" + description.replace("\"", "\\\"") + "\"}");
        };
    }

    private static Reply page(String reason) {
        return new Reply(400, Map.of("Content-Type", "text/plain"), reason.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.close();
        }
    }
}
