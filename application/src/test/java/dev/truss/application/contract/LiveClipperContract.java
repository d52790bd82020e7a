package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Publisher.Posted;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LiveClipper} must do, above all never cut a second clip for one spike. An
 * adapter's test runs it against a stub of the platform, with {@link #liveBroadcaster()} on air.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class LiveClipperContract {

    private LiveClipper clipper;

    /** A clipper talking to a fresh platform (or stub), with {@link #liveBroadcaster()} live and no clips yet. */
    protected abstract LiveClipper newClipper();

    /** A broadcaster who is live on the platform. */
    protected abstract String liveBroadcaster();

    /** A broadcaster who is not live. */
    protected abstract String offlineBroadcaster();

    /** How many clips the platform has made since {@link #newClipper()}. */
    protected abstract int clipsOnPlatform();

    /** A token the platform accepts. */
    protected AccessToken accessToken() {
        return new AccessToken("contract-access-token");
    }

    /** A token the platform answers with 401. */
    protected abstract AccessToken rejectedToken();

    @BeforeEach
    void newClipperForEachTest() {
        clipper = newClipper();
    }

    @Test
    void clipping_a_live_broadcast_makes_one_clip_and_says_where_it_is() {
        Posted made = clipper.clip(request(liveBroadcaster(), Optional.empty()), id -> { });

        assertThat(made.remoteId()).isNotBlank();
        assertThat(URI.create(made.url()).isAbsolute()).isTrue();
        assertThat(clipsOnPlatform()).isEqualTo(1);
    }

    @Test
    void the_clip_id_is_reported_once_and_is_the_clip_made() {
        List<String> ids = new ArrayList<>();

        Posted made = clipper.clip(request(liveBroadcaster(), Optional.empty()), ids::add);

        assertThat(ids).containsExactly(made.remoteId());
    }

    @Test
    void a_crash_right_after_the_id_was_stored_confirms_that_clip_instead_of_making_another() {
        List<String> ids = new ArrayList<>();
        assertThatThrownBy(() -> clipper.clip(request(liveBroadcaster(), Optional.empty()), id -> {
            ids.add(id);
            throw new IllegalStateException("the worker died");
        })).hasMessageContaining("the worker died");

        Posted confirmed = clipper.clip(request(liveBroadcaster(), Optional.of(ids.get(0))), id -> { });

        assertThat(confirmed.remoteId()).isEqualTo(ids.get(0));
        assertThat(clipsOnPlatform()).isEqualTo(1);
    }

    @Test
    void a_broadcast_that_is_not_live_cannot_be_clipped_and_trying_again_will_not_help() {
        assertThatThrownBy(() -> clipper.clip(request(offlineBroadcaster(), Optional.empty()), id -> { }))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformException.Failure.REFUSED));
        assertThat(clipsOnPlatform()).isZero();
    }

    @Test
    void a_token_the_platform_rejects_is_reported_as_rejected_so_the_caller_can_refresh_it() {
        LiveClipper.Request request = new LiveClipper.Request(liveBroadcaster(), rejectedToken(), "Chat went wild",
                Optional.empty());

        assertThatThrownBy(() -> clipper.clip(request, id -> { }))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformException.Failure.TOKEN_REJECTED));
        assertThat(clipsOnPlatform()).isZero();
    }

    private LiveClipper.Request request(String broadcaster, Optional<String> pending) {
        return new LiveClipper.Request(broadcaster, accessToken(), "Chat went wild", pending);
    }
}
