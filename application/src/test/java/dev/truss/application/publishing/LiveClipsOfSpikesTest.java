package dev.truss.application.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.auth.RequestMagicLink;
import dev.truss.application.auth.VerifyMagicLink;
import dev.truss.application.common.PageQuery;
import dev.truss.application.fake.InMemoryTruss;
import dev.truss.application.job.SubmitJob;
import dev.truss.application.stream.StartStream;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.ChatMessage;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A chat spike on a Twitch stream becomes a Twitch clip of the broadcast, once per spike. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveClipsOfSpikesTest {

    private static final URI CALLBACK = URI.create("https://truss.example/connect/callback");
    private static final String BROADCASTER = "twitch-account-1"; // the account the fake Twitch grants

    private final InMemoryTruss truss = new InMemoryTruss();
    private CreatorId ada;
    private TokenHash session;

    @BeforeEach
    void logIn() {
        truss.core.requestMagicLink().execute(RequestMagicLink.Command.of("ada@example.com"));
        VerifyMagicLink.LoggedIn login = truss.core.verifyMagicLink()
                .execute(truss.lastLoginToken("ada@example.com").orElseThrow()).orElseThrow();
        ada = login.creator().id();
        session = login.session().tokenHash();
    }

    @Test
    void a_spike_on_a_connected_twitch_stream_becomes_one_twitch_clip_and_is_counted() throws Exception {
        connect(Platform.TWITCH);
        truss.twitch.goLive(BROADCASTER);
        Stream stream = start(Platform.TWITCH);

        spike(stream);
        truss.runJobs();

        List<LiveClip> clips = truss.streams.listLiveClips(ada, stream.id());
        assertThat(clips).singleElement().satisfies(clip -> {
            assertThat(clip.state()).isInstanceOf(LiveClip.State.Created.class);
            assertThat(((LiveClip.State.Created) clip.state()).url()).startsWith("https://clips.twitch.example/");
        });
        assertThat(truss.twitch.clips()).singleElement().satisfies(clip -> {
            assertThat(clip.broadcasterId()).isEqualTo(BROADCASTER);
            assertThat(clip.title()).isEqualTo("Ranked grind");
        });
        LocalDate today = LocalDate.ofInstant(truss.clock.instant(), ZoneOffset.UTC);
        assertThat(truss.analytics.range(ada, today, today).get(0).count(Metric.LIVE_CLIPS)).isEqualTo(1);
    }

    @Test
    void the_same_spike_reported_again_asks_for_no_second_clip() throws Exception {
        connect(Platform.TWITCH);
        truss.twitch.goLive(BROADCASTER);
        Stream stream = start(Platform.TWITCH);
        spike(stream);
        List<ChatSpike> spikes = truss.core.listSpikes().ofStream(ada, stream.id(), PageQuery.firstPage())
                .orElseThrow().items();
        LiveSpikeClips again = new LiveSpikeClips(truss.streams, truss.connections, List.of(truss.twitch),
                new SubmitJob(truss.jobs, truss.queue, truss.clock), truss.clock);

        for (int i = 0; i < 2; i++) { // heard of again, as when reported and as from a retried batch
            again.spiked(stream, spikes.get(0).start(), truss.clock.instant());
            truss.runJobs();
        }

        assertThat(truss.twitch.clips()).hasSize(1);
        assertThat(truss.twitch.attempts()).isEqualTo(1);
        assertThat(truss.streams.listLiveClips(ada, stream.id())).singleElement()
                .satisfies(clip -> assertThat(clip.spikeStart()).isEqualTo(spikes.get(0).start()));
    }

    @Test
    void no_clip_is_asked_for_without_a_twitch_connection_or_on_a_platform_that_does_not_clip_live() throws Exception {
        Stream notConnected = start(Platform.TWITCH);
        spike(notConnected);
        connect(Platform.YOUTUBE);
        Stream onYouTube = start(Platform.YOUTUBE);
        spike(onYouTube);
        truss.runJobs();

        assertThat(truss.streams.listLiveClips(ada, notConnected.id())).isEmpty();
        assertThat(truss.streams.listLiveClips(ada, onYouTube.id())).isEmpty();
        assertThat(truss.twitch.attempts()).isZero();
    }

    @Test
    void a_broadcast_that_is_not_live_fails_the_clip_for_good_with_twitchs_reason() throws Exception {
        connect(Platform.TWITCH);
        Stream stream = start(Platform.TWITCH); // Truss watches the chat, but Twitch says the channel is offline

        spike(stream);
        truss.runJobs();

        assertThat(truss.streams.listLiveClips(ada, stream.id())).singleElement().satisfies(clip ->
                assertThat(clip.state()).isInstanceOfSatisfying(LiveClip.State.Failed.class,
                        failed -> assertThat(failed.reason()).contains("not live")));
        assertThat(truss.twitch.attempts()).isEqualTo(1);
    }

    @Test
    void a_rejected_token_is_refreshed_once_and_the_clip_made_with_the_fresh_one() throws Exception {
        connect(Platform.TWITCH);
        truss.twitch.goLive(BROADCASTER);
        truss.twitch.acceptOnly(truss.authorizers.get(Platform.TWITCH)::issued);
        String sealed = truss.connections.find(ada, Platform.TWITCH).orElseThrow().tokens().orElseThrow().ciphertext();
        truss.authorizers.get(Platform.TWITCH).expire(new dev.truss.application.port.platform.AccessToken(
                PlatformTokens.unseal(new dev.truss.domain.platform.SealedSecret(sealed),
                        new dev.truss.application.port.AesGcmSecretSealer(new byte[32])).access().value()));
        Stream stream = start(Platform.TWITCH);

        spike(stream);
        truss.runJobs();

        assertThat(truss.twitch.clips()).hasSize(1);
        assertThat(truss.twitch.attempts()).isEqualTo(2);
    }

    @Test
    void the_clip_is_asked_for_while_the_spike_runs_not_minutes_later_when_it_is_reported() throws Exception {
        connect(Platform.TWITCH);
        truss.twitch.goLive(BROADCASTER);
        Stream stream = start(Platform.TWITCH);

        spike(stream, 0, 9); // up to the minute of the burst: the spike runs, and is not reported yet
        truss.runJobs();

        assertThat(truss.core.listSpikes().ofStream(ada, stream.id(), PageQuery.firstPage()).orElseThrow().items())
                .isEmpty();
        assertThat(truss.twitch.clips()).hasSize(1);
        spike(stream, 9, 11);
        truss.runJobs();
        assertThat(truss.twitch.clips()).hasSize(1);
        assertThat(truss.streams.listLiveClips(ada, stream.id())).singleElement().satisfies(clip -> assertThat(
                clip.spikeStart()).isEqualTo(truss.core.listSpikes().ofStream(ada, stream.id(), PageQuery.firstPage())
                .orElseThrow().items().get(0).start()));
    }

    @Test
    void a_spike_reported_more_than_a_minute_after_it_ended_is_out_of_the_broadcasts_reach() throws Exception {
        connect(Platform.TWITCH);
        truss.twitch.goLive(BROADCASTER);
        Stream stream = start(Platform.TWITCH);
        Instant start = stream.startedAt();
        List<ChatMessage> late = new ArrayList<>();
        for (int minute = 0; minute < 10; minute++) {
            int perMinute = minute == 8 ? 120 : 12;
            for (int i = 0; i < perMinute; i++) {
                late.add(new ChatMessage(start.plus(Duration.ofMinutes(minute)).plusMillis(60_000L * i / perMinute),
                        "gg"));
            }
        }
        truss.clock.set(start.plus(Duration.ofMinutes(30))); // the whole chat arrives 20 minutes late

        truss.core.ingestChat().execute(ada, stream.id(), late).orElseThrow();
        truss.runJobs();

        assertThat(truss.core.listSpikes().ofStream(ada, stream.id(), PageQuery.firstPage())
                .orElseThrow().items()).isNotEmpty();
        assertThat(truss.streams.listLiveClips(ada, stream.id())).isEmpty();
    }

    private Stream start(Platform platform) {
        return truss.core.startStream().execute(new StartStream.Command(ada, "Ranked grind", platform)).orElseThrow();
    }

    /** Twelve messages a minute, then a minute of a hundred and twenty, then calm: one spike. */
    private void spike(Stream stream) {
        spike(stream, 0, 11);
    }

    /** Minutes [from, to) of that chat, a batch a minute, each sent as its minute ends. */
    private void spike(Stream stream, int from, int to) {
        int[] perMinute = {12, 12, 12, 12, 12, 12, 12, 12, 120, 12, 12};
        for (int minute = from; minute < to; minute++) {
            Instant start = stream.startedAt().plus(Duration.ofMinutes(minute));
            List<ChatMessage> batch = new ArrayList<>();
            for (int i = 0; i < perMinute[minute]; i++) {
                batch.add(new ChatMessage(start.plusMillis(60_000L * i / perMinute[minute]), "CLIP IT!!"));
            }
            truss.clock.set(start.plus(Duration.ofMinutes(1)));
            truss.core.ingestChat().execute(ada, stream.id(), batch).orElseThrow();
        }
    }

    private void connect(Platform platform) {
        URI consent = truss.core.connectPlatform().begin(ada, session, platform, CALLBACK).orElseThrow();
        URI back = truss.authorizers.get(platform).approve(consent);
        truss.core.connectPlatform().complete(ada, session, platform, param(back, "code"), param(back, "state"),
                CALLBACK).orElseThrow();
    }

    private static String param(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
