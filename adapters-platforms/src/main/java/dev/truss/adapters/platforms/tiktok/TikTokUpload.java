package dev.truss.adapters.platforms.tiktok;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.application.port.platform.PlatformException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends a video to TikTok's upload URL, one {@code PUT} per chunk, in order, each with its
 * {@code Content-Range}; TikTok answers 206 until the last chunk, then 201. Chunks stream from the
 * file. The upload URL authorizes the upload by itself: no access token goes to it, and it appears
 * in no message.
 */
final class TikTokUpload {

    private final PlatformHttp http;

    TikTokUpload(PlatformHttp http) {
        this.http = http;
    }

    void send(URI uploadUrl, Path video, ChunkPlan plan) {
        for (int i = 0; i < plan.totalChunkCount(); i++) {
            long first = plan.first(i);
            long length = plan.length(i);
            HttpRequest put = http.request(uploadUrl)
                    .header("Content-Type", "video/mp4")
                    .header("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + plan.videoSize())
                    .PUT(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> slice(video, first, length)), length))
                    .build();
            String what = "take chunk " + (i + 1) + " of " + plan.totalChunkCount();
            PlatformHttp.Response response = http.send(put, what);
            int expected = plan.isLast(i) ? 201 : 206;
            if (response.status() == expected) {
                continue;
            }
            if (response.ok()) {
                throw PlatformException.temporary("TikTok answered HTTP " + response.status() + " to chunk " + (i + 1)
                        + " of " + plan.totalChunkCount() + " where " + expected + " was due", null);
            }
            if (response.status() == 403 || response.status() == 404 || response.status() == 410) {
                // The URL lasts an hour; a retry with the publish id sees the upload unfinished and starts anew.
                throw PlatformException.temporary("TikTok no longer takes this upload (HTTP " + response.status()
                        + " to chunk " + (i + 1) + ")", null);
            }
            throw http.failure(response, what);
        }
    }

    private static InputStream slice(Path video, long first, long length) {
        try {
            SeekableByteChannel channel = Files.newByteChannel(video).position(first);
            return new Limited(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the video " + video, e);
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
