package dev.truss.adapters.platforms.tiktok;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Where a post stands ({@code status/fetch}). TikTok spells the ids field
 * {@code publicaly_available_post_id} and sends them as numbers; they come only for a public post
 * once moderation is done. {@code uploadedBytes} is empty when TikTok did not say.
 */
record PostStatus(String status, String failReason, List<String> postIds, OptionalLong uploadedBytes) {

    static final String COMPLETE = "PUBLISH_COMPLETE";
    static final String FAILED = "FAILED";
    static final String PROCESSING_UPLOAD = "PROCESSING_UPLOAD";

    PostStatus {
        postIds = List.copyOf(postIds);
    }

    static PostStatus from(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.path("publicaly_available_post_id").values().forEach(id ->
                ids.add(id.isNumber() ? id.bigIntegerValue().toString() : id.asString("")));
        JsonNode uploaded = data.path("uploaded_bytes");
        return new PostStatus(data.path("status").asString(""), data.path("fail_reason").asString(""),
                ids.stream().filter(id -> !id.isBlank()).toList(),
                uploaded.isNumber() ? OptionalLong.of(uploaded.asLong()) : OptionalLong.empty());
    }

    boolean is(String wanted) {
        return status.equals(wanted);
    }
}
