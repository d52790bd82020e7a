package dev.truss.domain.analytics;

import dev.truss.domain.platform.Platform;

/** The daily counters Truss keeps per creator. */
public enum Metric {
    ASSETS_UPLOADED,
    ASSETS_ANALYSED,
    CLIPS_CREATED,
    CLIPS_RENDERED,
    PUBLISHED_YOUTUBE,
    PUBLISHED_TIKTOK,
    PUBLISHED_TWITCH,
    PUBLISHED_DISCORD,
    CHAT_MESSAGES,
    CHAT_SPIKES;

    public static Metric publishedTo(Platform platform) {
        return switch (platform) {
            case YOUTUBE -> PUBLISHED_YOUTUBE;
            case TIKTOK -> PUBLISHED_TIKTOK;
            case TWITCH -> PUBLISHED_TWITCH;
            case DISCORD -> PUBLISHED_DISCORD;
        };
    }
}
