package dev.truss.application.fake;

import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Publisher;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One platform in memory. Like a resumable upload API it reports a resume token before any
 * bytes "flow", and given the token of an upload it already finished it answers with the same
 * post instead of posting again. Tests can make it fail mid-upload, or lose its answer after
 * posting, to exercise crash recovery. Thread-safe.
 */
public final class InMemoryPublisher implements Publisher {

    /** A clip as it now appears on the platform. */
    public record Post(String remoteId, String url, ClipId clipId, String title, String description,
                       long videoBytes, String resumeToken, String accessToken) {
    }

    /** How the next publish goes wrong. */
    public enum Failure {
        /** The upload breaks after the resume token was reported; nothing is posted. */
        MID_UPLOAD,
        /** The clip is posted but the answer never arrives (a reset connection): always retryable. */
        LOST_RESPONSE
    }

    private record Rule(Failure failure, boolean retryable, boolean always) {
    }

    private final Platform platform;
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, Optional<Post>> uploads = new HashMap<>(); // resume token → its post, once done
    private Rule rule;
    private Predicate<AccessToken> acceptedTokens = token -> true;
    private Duration waitAsked;
    private String nextNote;
    private int attempts;
    private long counter;

    public InMemoryPublisher(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public synchronized Posted publish(Request request, Consumer<String> onResumeToken) {
        attempts++;
        if (waitAsked != null) {
            Duration wait = waitAsked;
            waitAsked = null;
            throw new PlatformException(platform.slug() + " answered 429: quota exceeded", PlatformException.Failure.TEMPORARY,
                    Optional.of(wait), null);
        }
        if (!acceptedTokens.test(request.token())) {
            throw new PlatformException(platform.slug() + " answered 401: the access token is invalid",
                    PlatformException.Failure.TOKEN_REJECTED);
        }
        long videoBytes = sizeOf(request);
        String token = request.resumeToken().filter(uploads::containsKey).orElse(null);
        if (token != null && uploads.get(token).isPresent()) {
            Post done = uploads.get(token).get();
            return new Posted(done.remoteId(), done.url()); // already posted: confirm, don't post again
        }
        if (token == null) {
            // An unknown or absent token starts a new upload, as an expired upload session would.
            token = platform.slug() + "-upload-" + (++counter);
            uploads.put(token, Optional.empty());
            onResumeToken.accept(token);
        }
        Rule now = takeRule();
        if (now != null && now.failure() == Failure.MID_UPLOAD) {
            throw new PlatformException(platform.slug() + " broke off the upload", failure(now.retryable()));
        }
        String remoteId = platform.slug() + "-" + (++counter);
        Post post = new Post(remoteId, "https://" + platform.slug() + ".example/watch/" + remoteId,
                request.clip().id(), request.title(), request.description(), videoBytes, token,
                request.token().value());
        posts.add(post);
        uploads.put(token, Optional.of(post));
        if (now != null) {
            throw PlatformException.temporary("connection to " + platform.slug() + " reset before it answered", null);
        }
        List<String> notes = nextNote == null ? List.of() : List.of(nextNote);
        nextNote = null;
        return new Posted(post.remoteId(), post.url(), notes, 0);
    }

    /** The next publish fails this way; later ones succeed. */
    public synchronized void failNext(Failure failure, boolean retryable) {
        rule = new Rule(failure, retryable, false);
    }

    /** The next publish is refused for now, the platform asking to wait {@code wait} (a quota, a rate limit). */
    public synchronized void refuseNextFor(Duration wait) {
        waitAsked = wait;
    }

    /** The next post comes back with this note, as a platform that did something of its own would say. */
    public synchronized void noteNext(String note) {
        nextNote = note;
    }

    /** Every publish fails this way until {@link #recover()}. */
    public synchronized void failAlways(Failure failure, boolean retryable) {
        rule = new Rule(failure, retryable, true);
    }

    /** Only these access tokens are accepted (as the platform's OAuth server issued them); others get a 401. */
    public synchronized void acceptOnly(Predicate<AccessToken> tokens) {
        acceptedTokens = Objects.requireNonNull(tokens, "tokens");
    }

    public synchronized void recover() {
        rule = null;
    }

    /** What is on the platform, oldest first. */
    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    public synchronized List<Post> postsOf(ClipId clip) {
        return posts.stream().filter(p -> p.clipId().equals(clip)).toList();
    }

    /** Calls to {@link #publish}, failed and confirming ones included. */
    public synchronized int attempts() {
        return attempts;
    }

    private static PlatformException.Failure failure(boolean retryable) {
        return retryable ? PlatformException.Failure.TEMPORARY : PlatformException.Failure.REFUSED;
    }

    private Rule takeRule() {
        Rule now = rule;
        if (now != null && !now.always()) {
            rule = null;
        }
        return now;
    }

    private long sizeOf(Request request) {
        try {
            return Files.size(request.video());
        } catch (IOException e) {
            throw new PlatformException("cannot read the video " + request.video() + ": " + e,
                    PlatformException.Failure.REFUSED, Optional.empty(), e);
        }
    }
}
