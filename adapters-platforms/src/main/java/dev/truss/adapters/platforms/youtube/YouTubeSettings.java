package dev.truss.adapters.platforms.youtube;

import dev.truss.adapters.platforms.PlatformSettings;
import java.util.Objects;
import java.util.Set;

/**
 * How Truss posts to YouTube: where and as which app ({@code platform}), the privacy and category
 * every upload gets, what an upload costs of the daily quota, and the size of one upload request.
 *
 * <p>{@code quotaUnitsPerUpload} is reported as {@code Posted.quotaUnits}. Google's pages disagree:
 * the older quota table charges {@code videos.insert} 1,600 of the 10,000 units a project gets a
 * day (6 uploads), the current one gives {@code videos.insert} its own bucket of 100 calls a day at
 * 1 a call. Expressed in the 10,000-unit day every other call is counted in, one upload under the
 * current rule is a hundredth of the day: 100 units, the default. A project still billed the old
 * way sets 1,600. Quotas reset at midnight Pacific time.
 *
 * <p>{@code chunkBytes} bounds one upload request (so {@link PlatformSettings#requestTimeout()} is
 * per chunk); Google requires every chunk but the last to be a multiple of 256 KiB. A chunk is
 * held in memory while it is sent, hence the 64 MiB ceiling.
 */
public record YouTubeSettings(PlatformSettings platform, String privacyStatus, String categoryId,
                              long quotaUnitsPerUpload, int chunkBytes) {

    /** Google's granule for resumable upload chunks. */
    public static final int CHUNK_GRANULE = 256 * 1024;

    private static final int MAX_CHUNK = 64 * 1024 * 1024;
    private static final Set<String> PRIVACY = Set.of("public", "unlisted", "private");

    public YouTubeSettings {
        Objects.requireNonNull(platform, "platform settings");
        Objects.requireNonNull(privacyStatus, "privacy status");
        Objects.requireNonNull(categoryId, "category id");
        if (!PRIVACY.contains(privacyStatus)) {
            throw new IllegalArgumentException("privacy status is one of " + PRIVACY + ", got " + privacyStatus);
        }
        if (!categoryId.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("a YouTube category id is a number, got " + categoryId);
        }
        if (quotaUnitsPerUpload < 0) {
            throw new IllegalArgumentException("quota units per upload are never negative");
        }
        if (chunkBytes <= 0 || chunkBytes % CHUNK_GRANULE != 0 || chunkBytes > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk size is a multiple of 256 KiB up to 64 MiB, got " + chunkBytes);
        }
    }

    /** Public videos in People &amp; Blogs (22), 100 quota units an upload, 8 MiB chunks. */
    public static YouTubeSettings of(PlatformSettings platform) {
        return new YouTubeSettings(platform, "public", "22", 100, 32 * CHUNK_GRANULE);
    }

    public YouTubeSettings withPrivacyStatus(String status) {
        return new YouTubeSettings(platform, status, categoryId, quotaUnitsPerUpload, chunkBytes);
    }

    public YouTubeSettings withCategoryId(String category) {
        return new YouTubeSettings(platform, privacyStatus, category, quotaUnitsPerUpload, chunkBytes);
    }

    public YouTubeSettings withQuotaUnitsPerUpload(long units) {
        return new YouTubeSettings(platform, privacyStatus, categoryId, units, chunkBytes);
    }

    public YouTubeSettings withChunkBytes(int bytes) {
        return new YouTubeSettings(platform, privacyStatus, categoryId, quotaUnitsPerUpload, bytes);
    }
}
