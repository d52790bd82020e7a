package dev.truss.application.asset;

import java.time.Duration;
import java.util.Set;

/**
 * What Truss accepts as an upload. The defaults suit a creator's long recordings: up to
 * 10 GiB and 4 hours, in the containers FFmpeg and the platforms handle well.
 */
public record UploadPolicy(Set<String> contentTypes, long maxBytes, Duration maxDuration, Duration urlValidity) {

    public static final UploadPolicy DEFAULT = new UploadPolicy(
            Set.of("video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/x-msvideo", "video/mpeg"),
            10L * 1024 * 1024 * 1024, Duration.ofHours(4), Duration.ofMinutes(15));

    public UploadPolicy {
        contentTypes = Set.copyOf(contentTypes);
        if (maxBytes <= 0 || maxDuration.isNegative() || maxDuration.isZero() || urlValidity.isNegative()) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
    }
}
