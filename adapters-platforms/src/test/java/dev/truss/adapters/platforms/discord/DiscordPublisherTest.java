package dev.truss.adapters.platforms.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.Sleeper;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.adapters.platforms.discord.DiscordStandIn.Message;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Publisher.Posted;
import dev.truss.application.port.platform.Publisher.Request;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.UlidFactory;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.ViralityScore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DiscordPublisherTest {

    private static final URI DOWNLOAD = URI.create("https://storage.example/clips/c.mp4?signature=abc");

    @TempDir
    Path dir;

    private final DiscordStandIn discord = new DiscordStandIn();
    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    /** Sleeps only on the test clock, remembering each wait. */
    private final Sleeper sleeper = duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    };

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    void a_clip_is_posted_as_multipart_with_the_payload_and_the_video_and_linked_to_its_message() throws Exception {
        Request request = request("The best thirty seconds", "Wait for it", 4096);

        Posted posted = publisher().publish(request, token -> { });

        Recorded post = discord.executions().get(0);
        assertThat(post.path()).isEqualTo("/api/v10/webhooks/" + DiscordStandIn.ID + "/" + DiscordStandIn.TOKEN);
        assertThat(post.query()).isEqualTo("wait=true");
        assertThat(post.header("Content-Type")).matches("multipart/form-data; boundary=truss-[0-9a-f]{32}");
        List<DiscordStandIn.Part> parts = DiscordStandIn.parts(post.body(), post.header("Content-Type").split("=")[1]);
        assertThat(parts).extracting(DiscordStandIn.Part::name).containsExactly("payload_json", "files[0]");
        assertThat(parts.get(1).filename()).isEqualTo(request.clip().id() + ".mp4");
        assertThat(parts.get(1).contentType()).isEqualTo("video/mp4");
        assertThat(parts.get(1).body()).isEqualTo(Files.readAllBytes(request.video()));
        Message message = discord.messages().get(0);
        assertThat(message.content()).isEqualTo("The best thirty seconds\n\nWait for it");
        assertThat(message.files()).hasSize(1);
        assertThat(posted.remoteId()).isEqualTo(message.id());
        assertThat(posted.url()).isEqualTo("https://discord.com/channels/" + DiscordStandIn.GUILD + "/"
                + DiscordStandIn.CHANNEL + "/" + message.id());
        assertThat(posted.notes()).isEmpty();
    }

    @Test
    void the_server_of_a_webhook_is_looked_up_once_not_for_every_post() throws Exception {
        DiscordPublisher publisher = publisher();

        publisher.publish(request("one", "", 10), token -> { });
        publisher.publish(request("two", "", 10), token -> { });

        assertThat(discord.lookups()).hasSize(1);
        assertThat(discord.messages()).hasSize(2);
    }

    @Test
    void a_caption_cannot_ping_everyone() throws Exception {
        publisher().publish(request("Big news", "@everyone come watch @here", 10), token -> { });

        Message message = discord.messages().get(0);
        assertThat(message.content()).contains("@everyone");
        assertThat(message.allowedMentions().path("parse").isArray()).isTrue();
        assertThat(message.allowedMentions().path("parse").isEmpty()).isTrue();
        assertThat(message.pingsEveryone()).isFalse();
    }

    @Test
    void a_429_is_waited_out_for_the_retry_after_discord_asked_and_the_clip_posted_once() throws Exception {
        discord.rateLimit(1.25, false);

        Posted posted = publisher().publish(request("t", "c", 10), token -> { });

        assertThat(sleeps).containsExactly(Duration.ofMillis(1250));
        assertThat(discord.executions()).hasSize(2);
        assertThat(discord.messages()).singleElement().extracting(Message::id).isEqualTo(posted.remoteId());
    }

    @Test
    void a_webhook_that_stays_rate_limited_is_a_temporary_failure_with_the_wait_discord_asked_for() throws Exception {
        for (int i = 0; i < 4; i++) {
            discord.rateLimit(0.5, true);
        }

        assertThatThrownBy(() -> publisher().publish(request("t", "c", 10), token -> { }))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.TEMPORARY);
                    assertThat(e.retryAfter()).contains(Duration.ofMillis(500));
                });
        assertThat(discord.executions()).hasSize(4); // the first try and three retries
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(discord.messages()).isEmpty();
    }

    @Test
    void a_rate_limit_longer_than_worth_waiting_is_left_to_the_caller_at_once() throws Exception {
        discord.rateLimit(120, false);

        assertThatThrownBy(() -> publisher().publish(request("t", "c", 10), token -> { }))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        assertThat(sleeps).isEmpty();
        assertThat(discord.executions()).hasSize(1);
    }

    @Test
    void an_empty_rate_limit_bucket_is_waited_out_before_the_next_post_instead_of_earning_a_429() throws Exception {
        DiscordPublisher publisher = publisher();
        discord.emptyBucket("0.75");
        publisher.publish(request("one", "", 10), token -> { });

        publisher.publish(request("two", "", 10), token -> { });

        assertThat(sleeps).containsExactly(Duration.ofMillis(750));
        assertThat(discord.messages()).hasSize(2);
    }

    @Test
    void a_file_discord_finds_too_large_is_posted_again_as_a_link_with_a_note() throws Exception {
        discord.uploadLimit(1000);

        Posted posted = publisher().publish(request("Title", "Caption", 4096), token -> { });

        assertThat(discord.executions()).hasSize(2);
        assertThat(discord.executions().get(1).header("Content-Type")).startsWith("application/json");
        Message message = discord.messages().get(0);
        assertThat(message.files()).isEmpty();
        assertThat(message.content()).isEqualTo("Title\n\nCaption\n" + DOWNLOAD);
        assertThat(message.pingsEveryone()).isFalse();
        assertThat(posted.notes()).containsExactly("posted as a link: the file is over Discord's limit");
    }

    @Test
    void a_file_known_to_be_over_the_limit_is_posted_as_a_link_without_trying_the_upload() throws Exception {
        DiscordPublisher publisher = new DiscordPublisher(settings(),
                new DiscordPublisher.Options(1000, 3, Duration.ofSeconds(30)), clock, sleeper);

        Posted posted = publisher.publish(request("Title", "", 4096), token -> { });

        assertThat(discord.executions()).singleElement()
                .satisfies(post -> assertThat(post.header("Content-Type")).startsWith("application/json"));
        assertThat(discord.messages().get(0).content()).isEqualTo("Title\n" + DOWNLOAD);
        assertThat(posted.notes()).containsExactly(DiscordPublisher.LINK_NOTE);
    }

    @Test
    void a_long_caption_is_cut_to_discords_2000_characters_and_the_link_kept_whole() throws Exception {
        discord.uploadLimit(0);

        publisher().publish(request("T", "y".repeat(3000), 10), token -> { });

        String content = discord.messages().get(0).content();
        assertThat(content).hasSize(2000).endsWith("…\n" + DOWNLOAD);
    }

    @Test
    void a_deleted_webhook_is_refused_with_what_to_do_and_without_the_webhook_secret() throws Exception {
        discord.delete();

        assertThatThrownBy(() -> publisher().publish(request("t", "c", 10), token -> { }))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REFUSED);
                    assertThat(e.getMessage()).isEqualTo("the Discord webhook was deleted; connect Discord again");
                });
    }

    @Test
    void a_wrong_webhook_token_is_rejected_without_printing_it() throws Exception {
        Request request = request("t", "c", 10).withToken(new AccessToken(
                "https://discord.com/api/webhooks/" + DiscordStandIn.ID + "/guessed-token"));

        assertThatThrownBy(() -> publisher().publish(request, token -> { }))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.TOKEN_REJECTED);
                    assertThat(e.getMessage()).contains("Invalid Webhook Token").doesNotContain("guessed-token");
                });
    }

    @Test
    void a_webhook_url_that_is_not_discords_is_refused_before_anything_is_sent() throws Exception {
        for (String url : List.of("https://evil.example/api/webhooks/" + DiscordStandIn.ID + "/" + DiscordStandIn.TOKEN,
                "http://discord.com/api/webhooks/" + DiscordStandIn.ID + "/" + DiscordStandIn.TOKEN,
                "https://discord.com/api/users/" + DiscordStandIn.ID + "/" + DiscordStandIn.TOKEN,
                "https://discord.com.evil.example/api/webhooks/" + DiscordStandIn.ID + "/" + DiscordStandIn.TOKEN,
                "not a url at all " + DiscordStandIn.TOKEN)) {
            Request request = request("t", "c", 10).withToken(new AccessToken(url));

            assertThatThrownBy(() -> publisher().publish(request, token -> { }))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
                        assertThat(e.getMessage()).doesNotContain(DiscordStandIn.TOKEN);
                    });
        }
        assertThat(discord.received()).isEmpty();
    }

    @Test
    void a_versioned_webhook_url_with_a_thread_posts_into_that_thread() throws Exception {
        Request request = request("t", "c", 10).withToken(new AccessToken("https://discord.com/api/v10/webhooks/"
                + DiscordStandIn.ID + "/" + DiscordStandIn.TOKEN + "?thread_id=1500000000000000001"));

        publisher().publish(request, token -> { });

        assertThat(discord.executions().get(0).query()).isEqualTo("wait=true&thread_id=1500000000000000001");
    }

    @Test
    void the_payload_sent_is_valid_json_with_content_and_mentions_only() throws Exception {
        publisher().publish(request("t", "c", 10), token -> { });

        Recorded post = discord.executions().get(0);
        String payload = DiscordStandIn.parts(post.body(), post.header("Content-Type").split("=")[1]).get(0).text();
        JsonNode json = PlatformHttp.JSON.readTree(payload);
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("content", "allowed_mentions");
    }

    private DiscordPublisher publisher() {
        return new DiscordPublisher(settings(), DiscordPublisher.Options.defaults(), clock, sleeper);
    }

    private PlatformSettings settings() {
        return PlatformSettings.of(new OAuthClient("discord-app", "secret"), discord.endpoints());
    }

    private Request request(String title, String caption, int videoBytes) throws Exception {
        UlidFactory ids = new UlidFactory(new SecureRandom());
        Instant now = Instant.now();
        Clip clip = new Clip(new ClipId(ids.next(now.toEpochMilli())), new CreatorId(ids.next(now.toEpochMilli())),
                new AssetId(ids.next(now.toEpochMilli())), new TimeRange(1_000, 31_000), "A clip", "Its hook", "Its caption",
                new ViralityScore(0, List.of()), Layout.CENTER_CROP,
                new RenderState.Rendered("clips/clip.mp4", "clips/clip.jpg", now), now, 1);
        byte[] video = new byte[videoBytes];
        new SecureRandom().nextBytes(video);
        Path file = Files.write(dir.resolve(clip.id() + ".mp4"), video);
        return new Request(clip, file, title, caption, new AccessToken(DiscordStandIn.URL), Optional.empty(), DOWNLOAD);
    }
}
