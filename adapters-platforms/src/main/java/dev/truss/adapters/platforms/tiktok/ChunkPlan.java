package dev.truss.adapters.platforms.tiktok;

import dev.truss.application.port.platform.PlatformException;

/**
 * How a video is cut for TikTok's {@code FILE_UPLOAD}, by TikTok's media transfer rules: every chunk
 * 5–64 MB except the last, which takes the trailing bytes (up to 128 MB); a video under 5 MB goes
 * whole; one over 64 MB in at least two chunks; 1 to 1000 chunks; {@code total_chunk_count} is
 * {@code video_size / chunk_size} rounded down. TikTok does not say whether its MB is 10^6 or 2^20
 * bytes, so each bound takes the stricter reading.
 */
record ChunkPlan(long videoSize, long chunkSize, int totalChunkCount) {

    static final long MIN_CHUNK = 5L * 1024 * 1024;
    static final long MAX_CHUNK = 64_000_000L;
    static final long MAX_LAST_CHUNK = 128_000_000L;
    static final int MAX_CHUNKS = 1000;
    /** TikTok's own example size; small enough that a chunk fits a request timeout on a slow uplink. */
    static final long DEFAULT_CHUNK = 10L * 1024 * 1024;

    /** The plan for a video of {@code videoSize} bytes, in chunks as near {@code preferredChunk} as the rules allow. */
    static ChunkPlan of(long videoSize, long preferredChunk) {
        if (videoSize <= 0) {
            throw PlatformException.refused("the video file is empty: there is nothing to post to TikTok");
        }
        if (videoSize < MIN_CHUNK) {
            return new ChunkPlan(videoSize, videoSize, 1);
        }
        long chunk = Math.min(Math.min(Math.max(preferredChunk, MIN_CHUNK), MAX_CHUNK), videoSize);
        if (videoSize > MAX_CHUNK && videoSize / chunk < 2) {
            chunk = videoSize / 2; // over 64 MB must be two chunks at least; videoSize < 128 MB here
        }
        if (videoSize / chunk > MAX_CHUNKS) {
            chunk = (videoSize + MAX_CHUNKS - 1) / MAX_CHUNKS;
        }
        if (chunk > MAX_CHUNK) {
            throw PlatformException.refused("the video is " + videoSize + " bytes, more than TikTok takes in "
                    + MAX_CHUNKS + " chunks of at most " + MAX_CHUNK + " bytes");
        }
        return new ChunkPlan(videoSize, chunk, (int) (videoSize / chunk));
    }

    /** Offset of chunk {@code index}'s first byte. */
    long first(int index) {
        return index * chunkSize;
    }

    /** Bytes in chunk {@code index}: the last one absorbs the remainder. */
    long length(int index) {
        return index == totalChunkCount - 1 ? videoSize - first(index) : chunkSize;
    }

    boolean isLast(int index) {
        return index == totalChunkCount - 1;
    }
}
