package dev.truss.adapters.platforms.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Publisher.Posted;
import dev.truss.adapters.platforms.twitch.TwitchStandIn.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwitchLiveClipperTest {

    private static final String TOKEN = "user-token-of-the-streamer";
    private static final String LIVE = "1001";

    private final TwitchStandIn twitch = new TwitchStandIn().user(TOKEN, LIVE).channel(LIVE, Channel.LIVE)
            .channel("1002", Channel.OFFLINE).channel("1003", Channel.CLIPS_OFF);
    private final List<Duration> waits = new ArrayList<>();
    private final LiveClipper clipper = new TwitchLiveClipper(
            PlatformSettings.of(new OAuthClient(TwitchStandIn.CLIENT_ID, "secret"), twitch.endpoints()),
            new TwitchLiveClipper.Polling(Duration.ofSeconds(2), Duration.ofSeconds(15)), waits::add);

    @AfterEach
    void stop() {
        twitch.close();
    }

    @Test
    void a_clip_twitch_lists_after_a_few_polls_is_reported_before_polling_and_posted_with_its_url() {
        twitch.listAfterPolls(3);
        List<String> reported = new ArrayList<>();
        List<Integer> lookupsWhenReported = new ArrayList<>();

        Posted posted = clipper.clip(request(LIVE, Optional.empty()), id -> {
            reported.add(id);
            lookupsWhenReported.add(twitch.received("GET", "/helix/clips").size());
        });

        assertThat(reported).containsExactly(posted.remoteId());
        assertThat(lookupsWhenReported).containsExactly(0);
        assertThat(posted.url()).isEqualTo("https://clips.twitch.tv/" + posted.remoteId());
        assertThat(twitch.clipsCreated()).isEqualTo(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        Recorded create = twitch.received("POST", "/helix/clips").get(0);
        assertThat(create.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(create.header("Client-Id")).isEqualTo(TwitchStandIn.CLIENT_ID);
        assertThat(create.form()).containsEntry("broadcaster_id", LIVE).containsEntry("title", "Chat lost it here");
        assertThat(create.query()).contains("title=Chat%20lost%20it%20here");
        assertThat(twitch.received("GET", "/helix/clips")).allSatisfy(get -> {
            assertThat(get.form()).containsExactly(java.util.Map.entry("id", posted.remoteId()));
            assertThat(get.header("Client-Id")).isEqualTo(TwitchStandIn.CLIENT_ID);
        });
    }

    @Test
    void a_clip_twitch_never_lists_is_refused_once_the_documented_wait_is_over() {
        twitch.neverList();

        assertThatThrownBy(() -> clipper.clip(request(LIVE, Optional.empty()), id -> { }))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REFUSED);
                    assertThat(e.getMessage()).contains("Twitch did not make the clip");
                });
        // One lookup at once, then one every 2 s until 15 s have passed: 7 waits, 8 lookups.
        assertThat(waits).hasSize(7).containsOnly(Duration.ofSeconds(2));
        assertThat(twitch.received("GET", "/helix/clips")).hasSize(8);
        assertThat(twitch.clipsCreated()).isEqualTo(1);
    }

    @Test
    void a_channel_with_clips_off_is_refused_with_the_reason_and_nothing_is_polled() {
        List<String> reported = new ArrayList<>();

        assertThatThrownBy(() -> clipper.clip(request("1003", Optional.empty()), reported::add))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REFUSED);
                    assertThat(e.getMessage()).contains("does not allow clipping")
                            .contains("has not enabled clips").doesNotContain(TOKEN);
                });
        assertThat(reported).isEmpty();
        assertThat(twitch.received("GET", "/helix/clips")).isEmpty();
    }

    @Test
    void a_channel_that_is_not_live_is_refused_as_not_live() {
        assertThatThrownBy(() -> clipper.clip(request("1002", Optional.empty()), id -> { }))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REFUSED);
                    assertThat(e.getMessage()).contains("not live");
                });
        assertThat(twitch.clipsCreated()).isZero();
    }

    @Test
    void a_pending_clip_id_is_only_polled_never_clipped_again() {
        twitch.existingClip("EarlierClipSlug");
        List<String> reported = new ArrayList<>();

        Posted posted = clipper.clip(request(LIVE, Optional.of("EarlierClipSlug")), reported::add);

        assertThat(posted.remoteId()).isEqualTo("EarlierClipSlug");
        assertThat(twitch.received("POST", "/helix/clips")).isEmpty();
        assertThat(twitch.clipsCreated()).isZero();
        assertThat(reported).isEmpty();
        assertThat(waits).isEmpty();
    }

    @Test
    void a_title_automod_refuses_is_dropped_and_the_clip_made_once_without_it() {
        LiveClipper.Request request = new LiveClipper.Request(LIVE, new AccessToken(TOKEN), "forbidden words",
                Optional.empty());

        Posted posted = clipper.clip(request, id -> { });

        assertThat(posted.remoteId()).isNotBlank();
        assertThat(twitch.received("POST", "/helix/clips")).extracting(r -> r.form().containsKey("title"))
                .containsExactly(true, false);
        assertThat(twitch.clipsCreated()).isEqualTo(1);
    }

    @Test
    void a_token_twitch_does_not_know_is_reported_as_rejected() {
        LiveClipper.Request request = new LiveClipper.Request(LIVE, new AccessToken("expired-token"), "t",
                Optional.empty());

        assertThatThrownBy(() -> clipper.clip(request, id -> { }))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.TOKEN_REJECTED);
                    assertThat(e.getMessage()).doesNotContain("expired-token");
                });
        assertThat(twitch.clipsCreated()).isZero();
    }

    private static LiveClipper.Request request(String broadcaster, Optional<String> pending) {
        return new LiveClipper.Request(broadcaster, new AccessToken(TOKEN), "  Chat lost it here ", pending);
    }
}
