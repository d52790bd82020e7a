package dev.truss.application.fake;

import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Publisher.Posted;
import dev.truss.domain.platform.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A live platform in memory (Twitch, say): broadcasters go live ({@link #goLive}), and a clip of a
 * live broadcast is named at once and listed when done. Given the id of a clip it already made, it
 * confirms that clip instead of cutting another. Tests can take a broadcaster offline, or turn
 * clipping off, to see the refusals. Thread-safe.
 */
public final class InMemoryLiveClipper implements LiveClipper {

    /** A clip as the platform lists it. */
    public record Clip(String id, String broadcasterId, String title, String accessToken) {
    }

    private final Platform platform;
    private final List<String> live = new ArrayList<>();
    private final Map<String, Clip> clips = new LinkedHashMap<>();
    private Predicate<AccessToken> acceptedTokens = token -> true;
    private boolean clippingDisabled;
    private int attempts;
    private long counter;

    public InMemoryLiveClipper(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public Platform platform() {
        return platform;
    }

    public synchronized void goLive(String broadcasterId) {
        live.add(broadcasterId);
    }

    public synchronized void goOffline(String broadcasterId) {
        live.remove(broadcasterId);
    }

    /** The broadcaster turned clipping off: the platform answers 403. */
    public synchronized void disableClipping() {
        clippingDisabled = true;
    }

    /** Only these access tokens are accepted; others get a 401. */
    public synchronized void acceptOnly(Predicate<AccessToken> tokens) {
        acceptedTokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public synchronized Posted clip(Request request, Consumer<String> onClipId) {
        attempts++;
        if (!acceptedTokens.test(request.token())) {
            throw new PlatformException(platform.slug() + " answered 401: the access token is invalid",
                    PlatformException.Failure.TOKEN_REJECTED);
        }
        if (request.pendingClipId().isPresent() && clips.containsKey(request.pendingClipId().get())) {
            return posted(clips.get(request.pendingClipId().get())); // made already: confirm it
        }
        if (clippingDisabled) {
            throw PlatformException.refused(platform.slug() + " answered 403: the broadcaster disabled clipping");
        }
        if (!live.contains(request.broadcasterId())) {
            throw PlatformException.refused(platform.slug() + " answered 404: the broadcaster is not live");
        }
        String id = "Clip" + (++counter);
        Clip clip = new Clip(id, request.broadcasterId(), request.title(), request.token().value());
        clips.put(id, clip); // made as Twitch makes it: the id comes back once the platform has the clip in hand
        onClipId.accept(id);
        return posted(clip);
    }

    /** Every clip made, oldest first. */
    public synchronized List<Clip> clips() {
        return List.copyOf(clips.values());
    }

    /** Calls to {@link #clip}, refused and confirming ones included. */
    public synchronized int attempts() {
        return attempts;
    }

    private Posted posted(Clip clip) {
        return new Posted(clip.id(), "https://clips." + platform.slug() + ".example/" + clip.id());
    }
}
