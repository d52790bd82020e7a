package dev.truss.adapters.platforms.tiktok;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Content Posting API's JSON calls: Bearer token, TikTok's content type, its envelope checked. */
final class TikTokApi {

    static final String CREATOR_INFO = "/v2/post/publish/creator_info/query/";
    static final String VIDEO_INIT = "/v2/post/publish/video/init/";
    static final String STATUS = "/v2/post/publish/status/fetch/";

    /** A direct post begun: its id (the resume token) and where its bytes go (a secret for an hour). */
    record Init(String publishId, URI uploadUrl) {
        @Override
        public String toString() {
            return "Init[publishId=" + publishId + ", uploadUrl=***]";
        }
    }

    private final PlatformHttp http;
    private final URI api;

    TikTokApi(PlatformHttp http) {
        this.http = http;
        this.api = http.settings().endpoints().api();
    }

    CreatorInfo creatorInfo(AccessToken token) {
        // TikTok's example sends no body; the content type is still required.
        return CreatorInfo.from(call(CREATOR_INFO, token, HttpRequest.BodyPublishers.noBody(), "tell what the creator may post"));
    }

    Init init(AccessToken token, ObjectNode body) {
        JsonNode data = call(VIDEO_INIT, token, PlatformHttp.json(body), "start the post");
        String publishId = data.path("publish_id").asString("");
        String uploadUrl = data.path("upload_url").asString("");
        if (publishId.isBlank() || uploadUrl.isBlank()) {
            throw PlatformException.temporary("TikTok started the post without a publish id or upload URL", null);
        }
        try {
            return new Init(publishId, URI.create(uploadUrl));
        } catch (IllegalArgumentException e) {
            // Not chained: the message would quote the URL, which carries the upload's credentials.
            throw PlatformException.temporary("TikTok answered with an upload URL that is not a URL", null);
        }
    }

    PostStatus status(AccessToken token, String publishId) {
        return PostStatus.from(call(STATUS, token, PlatformHttp.json(Map.of("publish_id", publishId)),
                "tell how the post is going"));
    }

    private JsonNode call(String path, AccessToken token, HttpRequest.BodyPublisher body, String what) {
        HttpRequest request = http.request(api.resolve(path))
                .header("Authorization", "Bearer " + token.value())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(body).build();
        PlatformHttp.Response response = http.send(request, what);
        JsonNode json = response.json();
        if (response.ok() && "ok".equals(json.path("error").path("code").asString(""))) {
            return json.path("data");
        }
        throw TikTokErrors.failure(http, response, json, what);
    }
}
