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
    CHAT_SPIKES,
    /** YouTube Data API quota units spent on uploads (Google caps them per day and per project). */
    QUOTA_UNITS_YOUTUBE,
    /** Chat spikes that became clips on the live platform (Twitch). */
    LIVE_CLIPS;

    public static Metric publishedTo(Platform platform) {
        return switch (platform) {
            case YOUTUBE -> PUBLISHED_YOUTUBE;
            case TIKTOK -> PUBLISHED_TIKTOK;
            case TWITCH -> PUBLISHED_TWITCH;
            case DISCORD -> PUBLISHED_DISCORD;
        };
    }
}
