package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Publisher;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Publisher} must do, above all never post a clip twice. An adapter's test
 * runs it against a stub of the platform's API and counts the posts the stub saw.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class PublisherContract {

    private final UlidFactory ids = new UlidFactory(new SecureRandom());

    @TempDir
    Path dir;

    private Publisher publisher;

    /** A publisher talking to a fresh platform (or stub) with no posts yet. */
    protected abstract Publisher newPublisher();

    /** How many clips the platform has received, completely, since {@link #newPublisher()}. */
    protected abstract int postsOnPlatform();

    /** A token the platform accepts. */
    protected AccessToken accessToken() {
        return new AccessToken("contract-access-token");
    }

    /** A token the platform answers with 401 (expired or revoked). */
    protected abstract AccessToken rejectedToken();

    @BeforeEach
    void newPublisherForEachTest() {
        publisher = newPublisher();
    }

    @Test
    void publishing_posts_the_clip_and_says_where_it_is() throws Exception {
        Posted posted = publisher.publish(request(Optional.empty()), token -> { });

        assertThat(posted.remoteId()).isNotBlank();
        assertThat(URI.create(posted.url()).isAbsolute()).isTrue();
        assertThat(postsOnPlatform()).isEqualTo(1);
    }

    /**
     * Whether the platform hands out an upload handle before the bytes flow. A platform that posts
     * in one request (a Discord webhook) has none, and the tests of resuming do not apply to it.
     */
    protected boolean reportsResumeTokens() {
        return true;
    }

    @Test
    void the_resume_token_is_reported_once_before_the_upload_completes() throws Exception {
        assumeTrue(reportsResumeTokens(), "this platform posts in one request");
        List<String> tokens = new ArrayList<>();
        List<Integer> postsWhenReported = new ArrayList<>();

        publisher.publish(request(Optional.empty()), token -> {
            tokens.add(token);
            postsWhenReported.add(postsOnPlatform());
        });

        assertThat(tokens).singleElement().asString().isNotBlank();
        assertThat(postsWhenReported).containsExactly(0);
    }

    @Test
    void publishing_again_with_the_token_of_a_finished_upload_does_not_post_twice() throws Exception {
        assumeTrue(reportsResumeTokens(), "this platform posts in one request");
        Request first = request(Optional.empty());
        List<String> tokens = new ArrayList<>();
        Posted posted = publisher.publish(first, tokens::add);

        // As after a crash between the platform's answer and saving it: the caller only has the token.
        Posted confirmed = publisher.publish(first.withResumeToken(tokens.get(0)), token -> { });

        assertThat(confirmed.remoteId()).isEqualTo(posted.remoteId());
        assertThat(postsOnPlatform()).isEqualTo(1);
    }

    @Test
    void a_crash_right_after_the_token_was_stored_resumes_the_same_upload() throws Exception {
        assumeTrue(reportsResumeTokens(), "this platform posts in one request");
        Request first = request(Optional.empty());
        List<String> tokens = new ArrayList<>();

        assertThatThrownBy(() -> publisher.publish(first, token -> {
            tokens.add(token);
            throw new IllegalStateException("the worker died");
        })).hasMessageContaining("the worker died");
        Posted posted = publisher.publish(first.withResumeToken(tokens.get(0)), token -> { });

        assertThat(posted.remoteId()).isNotBlank();
        assertThat(postsOnPlatform()).isEqualTo(1);
    }

    @Test
    void a_token_the_platform_rejects_is_reported_as_rejected_so_the_caller_can_refresh_it() throws Exception {
        Request request = request(Optional.empty()).withToken(rejectedToken());

        assertThatThrownBy(() -> publisher.publish(request, token -> { }))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformException.Failure.TOKEN_REJECTED));
        assertThat(postsOnPlatform()).isZero();
    }

    @Test
    void two_clips_become_two_posts() throws Exception {
        Posted one = publisher.publish(request(Optional.empty()), token -> { });
        Posted two = publisher.publish(request(Optional.empty()), token -> { });

        assertThat(one.remoteId()).isNotEqualTo(two.remoteId());
        assertThat(postsOnPlatform()).isEqualTo(2);
    }

    /** A rendered clip with a small video file, as the publish use case hands it over. */
    protected Request request(Optional<String> resumeToken) throws Exception {
        Instant now = Instant.now();
        Clip clip = new Clip(new ClipId(ids.next(now.toEpochMilli())), new CreatorId(ids.next(now.toEpochMilli())),
                new AssetId(ids.next(now.toEpochMilli())), new TimeRange(1_000, 31_000), "The best thirty seconds",
                "Wait for it", "#shorts", new ViralityScore(0, List.of()), Layout.CENTER_CROP,
                new RenderState.Rendered("clips/clip.mp4", "clips/clip.jpg", now), now, 1);
        Path video = Files.write(dir.resolve(clip.id() + ".mp4"), new byte[4096]);
        return new Request(clip, video, clip.title(), clip.caption(), accessToken(), resumeToken,
                URI.create("https://storage.example/clips/" + clip.id() + ".mp4?signature=abc"));
    }
}
