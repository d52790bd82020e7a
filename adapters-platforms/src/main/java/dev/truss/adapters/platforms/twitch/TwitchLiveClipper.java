package dev.truss.adapters.platforms.twitch;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformHttp.Response;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.Sleeper;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Publisher.Posted;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Clips a live Twitch broadcast with Helix's Create Clip ({@code POST /clips?broadcaster_id=…}, user
 * token with {@code clips:edit}), then polls Get Clips ({@code GET /clips?id=…}) until the clip is
 * listed: Twitch makes clips asynchronously and documents that a clip still not listed after its
 * wait has failed. The clip's id is reported before polling, so a retry after a crash passes it as
 * {@code pendingClipId} and only polls: it never cuts a second clip.
 *
 * <p>Twitch answers 404 when the channel is not live and 403 when clipping is off or restricted
 * there; both are {@link PlatformException.Failure#REFUSED}. Create Clip takes an optional
 * {@code title}; a 400 with a title (it failed AutoMod) is tried once more without one, as no clip
 * was started.
 */
public final class TwitchLiveClipper implements LiveClipper {

    /**
     * How often to ask Get Clips, and for how long. Twitch's guide says to give up after 15 s, its
     * current API reference after 60 s; the default waits the longer, since giving up on a clip
     * that is merely slow invites cutting a second one.
     */
    public record Polling(Duration interval, Duration patience) {

        public static final Polling DEFAULT = new Polling(Duration.ofSeconds(2), Duration.ofSeconds(60));

        public Polling {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(patience, "patience");
            if (interval.isNegative() || interval.isZero() || patience.isNegative()) {
                throw new IllegalArgumentException("polling needs a positive interval and a patience of zero or more");
            }
        }

        /** Polls in all: one straight away, then one after each interval that fits in the patience. */
        int polls() {
            return (int) (patience.toMillis() / interval.toMillis()) + 1;
        }
    }

    private final Helix helix;
    private final Polling polling;
    private final Sleeper sleeper;

    public TwitchLiveClipper(PlatformSettings settings) {
        this(settings, Polling.DEFAULT, Sleeper.REAL);
    }

    public TwitchLiveClipper(PlatformSettings settings, Polling polling, Sleeper sleeper) {
        this.helix = new Helix(new PlatformHttp(Platform.TWITCH, settings));
        this.polling = Objects.requireNonNull(polling, "polling");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public Platform platform() {
        return Platform.TWITCH;
    }

    @Override
    public Posted clip(Request request, Consumer<String> onClipId) {
        String clipId;
        if (request.pendingClipId().isPresent()) {
            clipId = request.pendingClipId().get();
        } else {
            clipId = create(request.broadcasterId(), request.title().strip(), request.token());
            onClipId.accept(clipId);
        }
        return awaitListed(clipId, request.token());
    }

    private String create(String broadcasterId, String title, AccessToken token) {
        Response response = sendCreate(broadcasterId, title, token);
        if (response.status() == 400 && !title.isEmpty()) {
            response = sendCreate(broadcasterId, "", token); // the clip is worth more than its title
        }
        if (response.status() == 404) {
            throw refused("the channel is not live on Twitch: only a live broadcast can be clipped", response);
        }
        if (response.status() == 403) {
            throw refused("Twitch does not allow clipping this channel: clips are off, limited to followers or"
                    + " subscribers, or the account is banned or timed out there", response);
        }
        if (!response.ok()) {
            throw helix.http().failure(response, "clip the broadcast");
        }
        JsonNode id = response.json().at("/data/0/id");
        if (!id.isString() || id.asString().isBlank()) {
            throw PlatformException.temporary("Twitch accepted the clip but named no clip id", null);
        }
        return id.asString();
    }

    private Response sendCreate(String broadcasterId, String title, AccessToken token) {
        Map<String, String> query = Helix.query("broadcaster_id", broadcasterId);
        if (!title.isEmpty()) {
            query.put("title", title);
        }
        HttpRequest post = helix.request(helix.url("clips", query), token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return helix.http().send(post, "clip the broadcast");
    }

    private Posted awaitListed(String clipId, AccessToken token) {
        URI url = helix.url("clips", Helix.query("id", clipId));
        for (int poll = 0; poll < polling.polls(); poll++) {
            if (poll > 0) {
                pause();
            }
            Response response = helix.http().expectSuccess(helix.request(url, token).GET().build(), "look up the clip");
            for (JsonNode clip : response.json().path("data")) {
                if (clipId.equals(clip.path("id").asString(null)) && clip.path("url").isString()) {
                    return new Posted(clipId, clip.path("url").asString());
                }
            }
        }
        throw PlatformException.refused("Twitch did not make the clip: it was still not listed after "
                + polling.patience().toSeconds() + " s");
    }

    private void pause() {
        try {
            sleeper.sleep(polling.interval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.temporary("interrupted while waiting for Twitch to make the clip", e);
        }
    }

    private PlatformException refused(String what, Response response) {
        return PlatformException.refused(what + " (" + helix.http().failure(response, "clip the broadcast").getMessage() + ")");
    }
}
