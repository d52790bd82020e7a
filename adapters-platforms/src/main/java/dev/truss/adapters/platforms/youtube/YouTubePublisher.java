package dev.truss.adapters.platforms.youtube;

import dev.truss.adapters.platforms.Sleeper;
import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformHttp.Response;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Publisher;
import dev.truss.domain.platform.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Posts clips to YouTube with the Data API's resumable upload protocol, so a clip is never posted
 * twice. {@code POST /upload/youtube/v3/videos?uploadType=resumable} with the video's metadata
 * opens an upload session; its URI (a bearer credential for this one upload: never logged, never
 * in a message) is the resume token, reported before any byte is sent. The file then goes up in
 * {@code PUT}s to the session. Given the token again, a {@code PUT} with {@code Content-Range:
 * bytes *}{@code /total} asks how far the upload got: {@code 308} with the {@code Range} received
 * (none: nothing) means send the rest, {@code 200}/{@code 201} with the video means it is done
 * (confirmed, not posted again), {@code 404} means the session expired and Google's documented
 * remedy is a new upload (Google's APIs keep a session about a week: a finished upload's token
 * older than that can no longer confirm it). A broken connection or a 5xx is resumed the same way, with exponential backoff, at most
 * {@value #MAX_RETRIES} times a call before it is reported {@link Failure#TEMPORARY}.
 */
public final class YouTubePublisher implements Publisher {

    static final int MAX_RETRIES = 5;
    static final String UPLOAD_PATH = "/upload/youtube/v3/videos";

    private static final String VIDEO_TYPE = "video/mp4";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(32);
    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");

    private final YouTubeSettings settings;
    private final PlatformHttp http;
    private final Sleeper sleeper;
    private final YouTubeRefusals refusals;

    public YouTubePublisher(YouTubeSettings settings) {
        this(settings, Sleeper.REAL, Clock.systemUTC());
    }

    public YouTubePublisher(YouTubeSettings settings, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.http = new PlatformHttp(Platform.YOUTUBE, settings.platform());
        this.sleeper = sleeper;
        this.refusals = new YouTubeRefusals(http, clock);
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public Posted publish(Request request, Consumer<String> onResumeToken) {
        Upload upload = new Upload(request, YouTubeMetadata.of(request), sizeOf(request.video()));
        if (request.resumeToken().isPresent()) {
            Optional<Posted> resumed = transfer(upload, session(request.resumeToken().get()), -1);
            if (resumed.isPresent()) {
                return resumed.get();
            }
        }
        URI session = start(upload);
        onResumeToken.accept(session.toString()); // throws if the caller died: no byte is sent then
        return transfer(upload, session, 0).orElseThrow(() -> new PlatformException(
                "YouTube let a new upload session expire before the upload ended", Failure.TEMPORARY));
    }

    private record Upload(Request request, YouTubeMetadata metadata, long total) {
        String bearer() {
            return "Bearer " + request.token().value();
        }
    }

    private URI start(Upload upload) {
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("title", upload.metadata().title());
        snippet.put("description", upload.metadata().description());
        snippet.put("categoryId", settings.categoryId());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("privacyStatus", settings.privacyStatus());
        status.put("selfDeclaredMadeForKids", false);
        HttpRequest post = http.request(URI.create(api() + UPLOAD_PATH + "?uploadType=resumable&part=snippet,status"))
                .header("Authorization", upload.bearer())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", Long.toString(upload.total()))
                .header("X-Upload-Content-Type", VIDEO_TYPE)
                .POST(PlatformHttp.json(Map.of("snippet", snippet, "status", status))).build();
        Response response = http.send(post, "start the upload");
        if (response.status() != 200) {
            throw refusals.of(response, "start the upload");
        }
        Optional<URI> session = response.header("Location").flatMap(YouTubePublisher::uri).filter(this::ours);
        return session.orElseThrow(() -> new PlatformException(
                "YouTube opened no upload session on its upload path", Failure.TEMPORARY));
    }

    /**
     * Sends the file from {@code next} (-1: ask YouTube first) until YouTube has all of it;
     * empty when the session has expired.
     */
    private Optional<Posted> transfer(Upload upload, URI session, long next) {
        int retries = 0;
        while (true) {
            long from = next;
            Response response;
            try {
                response = from < 0
                        ? http.send(statusQuery(upload, session), "ask how much of the upload arrived")
                        : http.send(chunk(upload, session, from), "upload the video");
            } catch (PlatformException broken) {
                if (broken.failure() != Failure.TEMPORARY) {
                    throw broken;
                }
                retries = backOff(retries, broken);
                next = -1;
                continue;
            }
            int status = response.status();
            if (status == 200 || status == 201) {
                return Optional.of(posted(response, upload.metadata()));
            }
            if (status == 404 || status == 410) {
                return Optional.empty();
            }
            if (status == 308) {
                next = received(response);
                if (next >= upload.total() || (from >= 0 && next <= from)) {
                    // YouTube kept nothing of what was just sent, or has all yet says incomplete.
                    retries = backOff(retries, new PlatformException("YouTube did not take the upload's bytes",
                            Failure.TEMPORARY));
                    next = -1;
                }
                continue;
            }
            if (status >= 500) {
                retries = backOff(retries, http.failure(response, "upload the video"));
                next = -1;
                continue;
            }
            throw refusals.of(response, "upload the video");
        }
    }

    private HttpRequest statusQuery(Upload upload, URI session) {
        return http.request(session).header("Authorization", upload.bearer())
                .header("Content-Range", "bytes */" + upload.total())
                .PUT(BodyPublishers.noBody()).build();
    }

    /** The next chunk from {@code from}; the whole file in one request goes without Content-Range. */
    private HttpRequest chunk(Upload upload, URI session, long from) {
        long last = Math.min(from + settings.chunkBytes(), upload.total()) - 1;
        HttpRequest.Builder put = http.request(session).header("Authorization", upload.bearer())
                .header("Content-Type", VIDEO_TYPE);
        if (from == 0 && last == upload.total() - 1) {
            return put.PUT(ofFile(upload.request().video())).build();
        }
        return put.header("Content-Range", "bytes " + from + "-" + last + "/" + upload.total())
                .PUT(BodyPublishers.ofByteArray(read(upload.request().video(), from, (int) (last - from + 1))))
                .build();
    }

    /** The next byte YouTube wants, from a 308's {@code Range: bytes=0-<last>}; none received: 0. */
    private static long received(Response response) {
        Optional<String> range = response.header("Range");
        if (range.isEmpty()) {
            return 0;
        }
        Matcher match = RANGE.matcher(range.get().strip());
        if (!match.matches()) {
            throw new PlatformException("YouTube answered the upload with an unreadable Range", Failure.TEMPORARY);
        }
        return Long.parseLong(match.group(1)) + 1;
    }

    private int backOff(int retries, PlatformException cause) {
        if (retries >= MAX_RETRIES) {
            throw new PlatformException("YouTube upload interrupted " + (retries + 1) + " times, last: "
                    + cause.getMessage(), Failure.TEMPORARY, cause.retryAfter(), cause);
        }
        // Google's advice for 5xx and broken uploads: 1, 2, 4 … s plus up to a second of jitter.
        Duration pause = Duration.ofSeconds(1L << retries);
        pause = (pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause)
                .plusMillis(ThreadLocalRandom.current().nextLong(1000));
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.temporary("interrupted while waiting to resume the YouTube upload", e);
        }
        return retries + 1;
    }

    private Posted posted(Response response, YouTubeMetadata metadata) {
        JsonNode video = response.json();
        String id = YouTubeRefusals.text(video.at("/id"));
        if (id.isEmpty()) {
            // The session still answers with the video, so asking again with the token can confirm it.
            throw new PlatformException("YouTube finished the upload without naming the video", Failure.TEMPORARY);
        }
        List<String> notes = new ArrayList<>();
        String privacy = YouTubeRefusals.text(video.at("/status/privacyStatus"));
        if (!privacy.isEmpty() && !privacy.equals(settings.privacyStatus())) {
            notes.add("YouTube made the video " + privacy + " instead of " + settings.privacyStatus()
                    + ": videos uploaded by an app Google has not audited stay private until it is");
        }
        String url = metadata.isShort() ? "https://www.youtube.com/shorts/" + id
                : "https://www.youtube.com/watch?v=" + id;
        // A confirmed upload reports its cost too: the call that spent it died before recording it.
        return new Posted(id, url, notes, settings.quotaUnitsPerUpload());
    }

    /** A resume token is only ever sent to where sessions come from, never with the access token elsewhere. */
    private URI session(String token) {
        return uri(token).filter(this::ours).orElseThrow(() -> PlatformException.refused(
                "the resume token is not a YouTube upload session"));
    }

    private boolean ours(URI session) {
        URI api = URI.create(api());
        return session.isAbsolute() && UPLOAD_PATH.equals(session.getPath())
                && api.getScheme().equalsIgnoreCase(session.getScheme())
                && api.getHost().equalsIgnoreCase(session.getHost()) && port(api) == port(session);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private String api() {
        String api = settings.platform().endpoints().api().toString();
        return api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    }

    private static long sizeOf(Path video) {
        try {
            long size = Files.size(video);
            if (size == 0) {
                throw PlatformException.refused("the video file is empty");
            }
            return size;
        } catch (IOException e) {
            throw new PlatformException("cannot read the video: " + e.getClass().getSimpleName(), Failure.REFUSED,
                    Optional.empty(), e);
        }
    }

    private static HttpRequest.BodyPublisher ofFile(Path video) {
        try {
            return BodyPublishers.ofFile(video);
        } catch (IOException e) {
            throw new PlatformException("cannot read the video", Failure.REFUSED, Optional.empty(), e);
        }
    }

    private static byte[] read(Path video, long from, int length) {
        ByteBuffer chunk = ByteBuffer.allocate(length);
        try (SeekableByteChannel in = Files.newByteChannel(video)) {
            in.position(from);
            while (chunk.hasRemaining() && in.read(chunk) >= 0) {
                // fill the chunk
            }
        } catch (IOException e) {
            throw new PlatformException("cannot read the video", Failure.REFUSED, Optional.empty(), e);
        }
        if (chunk.hasRemaining()) {
            throw PlatformException.refused("the video file shrank during the upload");
        }
        return chunk.array();
    }
}
