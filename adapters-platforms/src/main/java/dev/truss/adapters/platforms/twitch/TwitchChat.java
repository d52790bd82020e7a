package dev.truss.adapters.platforms.twitch;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.domain.platform.Platform;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Announces in a channel's Twitch chat (Helix Send Chat Announcement), e.g. the clip a chat spike
 * just made. The token must carry {@code moderator:manage:announcements} and belong to
 * {@code moderatorId}: the broadcaster themself or one of their moderators. Twitch allows one
 * announcement every 2 seconds and cuts messages at 500 characters; this trims them first so the
 * cut is ours.
 */
public final class TwitchChat {

    static final int MAX_MESSAGE = 500;

    private final Helix helix;

    public TwitchChat(PlatformSettings settings) {
        this.helix = new Helix(new PlatformHttp(Platform.TWITCH, settings));
    }

    /** Posts {@code message} as an announcement; Twitch answers 204. */
    public void announce(String broadcasterId, String moderatorId, AccessToken token, String message) {
        String text = message.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an announcement needs a message");
        }
        if (text.codePointCount(0, text.length()) > MAX_MESSAGE) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_MESSAGE - 1)) + "…";
        }
        HttpRequest post = helix.request(helix.url("chat/announcements",
                        Helix.query("broadcaster_id", broadcasterId, "moderator_id", moderatorId)), token)
                .header("Content-Type", "application/json")
                .POST(PlatformHttp.json(Map.of("message", text))).build();
        helix.http().expectSuccess(post, "announce in chat");
    }
}
