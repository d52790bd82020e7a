package dev.truss.adapters.platforms.tiktok;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What TikTok lets this creator post right now ({@code creator_info/query}): the privacy levels on
 * offer, the interactions they turned off, and the longest video they may post (0 when not said).
 * {@code username} is the handle in profile and video links; {@code nickname} is the display name.
 */
record CreatorInfo(String username, String nickname, List<String> privacyOptions, boolean commentDisabled,
                   boolean duetDisabled, boolean stitchDisabled, int maxVideoPostDurationSec) {

    CreatorInfo {
        privacyOptions = List.copyOf(privacyOptions);
    }

    static CreatorInfo from(JsonNode data) {
        List<String> options = new ArrayList<>();
        data.path("privacy_level_options").values().forEach(option -> options.add(option.asString("")));
        return new CreatorInfo(data.path("creator_username").asString(""), data.path("creator_nickname").asString(""),
                options, data.path("comment_disabled").asBoolean(false), data.path("duet_disabled").asBoolean(false),
                data.path("stitch_disabled").asBoolean(false), data.path("max_video_post_duration_sec").asInt(0));
    }
}
