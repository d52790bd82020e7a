package dev.truss.adapters.platforms.youtube;

import static dev.truss.adapters.platforms.youtube.YouTubeStandIn.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.StandInServer.Recorded;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class YouTubePublisherTest {

    private static final AccessToken TOKEN = new AccessToken("ya29.stand-in-access-token");
    private static final int SIZE = 600_000;
    private static final int KIB_256 = YouTubeSettings.CHUNK_GRANULE;
    /** 05:00 in Los Angeles on a daylight-saving Monday: the quota resets in 19 hours. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final YouTubeStandIn youtube = new YouTubeStandIn(TOKEN.value());
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private byte[] content;
    private Request request;

    @BeforeEach
    void aRenderedClip() throws Exception {
        content = new byte[SIZE];
        new Random(7).nextBytes(content);
        Path video = Files.write(dir.resolve("clip.mp4"), content);
        Instant now = Instant.now();
        UlidFactory ids = new UlidFactory(new Random(11));
        Clip clip = new Clip(new ClipId(ids.next(now.toEpochMilli())), new CreatorId(ids.next(now.toEpochMilli())),
                new AssetId(ids.next(now.toEpochMilli())), new TimeRange(0, 45_000), "The clutch", "Wait for it",
                "Round 3 <3", new ViralityScore(0, List.of()), Layout.CENTER_CROP,
                new RenderState.Rendered("clips/clip.mp4", "clips/clip.jpg", now), now, 1);
        request = new Request(clip, video, "The <b>clutch</b> of the year", "Round 3 <3", TOKEN, Optional.empty(),
                URI.create("https://storage.example/clip.mp4"));
    }

    @AfterEach
    void stopTheStandIn() {
        youtube.close();
    }

    @Test
    void the_upload_opens_a_session_with_the_metadata_and_headers_google_requires_then_sends_the_file() {
        Posted posted = publisher(youtube.settings()).publish(request, tokens::add);

        Recorded start = single(youtube.server().received("POST", PATH));
        assertThat(start.query()).isEqualTo("uploadType=resumable&part=snippet,status");
        assertThat(start.header("Authorization")).isEqualTo("Bearer " + TOKEN.value());
        assertThat(start.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(start.header("X-Upload-Content-Length")).isEqualTo(Integer.toString(SIZE));
        assertThat(start.header("X-Upload-Content-Type")).isEqualTo("video/mp4");
        JsonNode video = PlatformHttp.JSON.readTree(start.text());
        assertThat(video.at("/snippet/title").asString()).isEqualTo("The ‹b›clutch‹/b› of the year");
        assertThat(video.at("/snippet/description").asString()).isEqualTo("Round 3 ‹3\n\n#Shorts");
        assertThat(video.at("/snippet/categoryId").asString()).isEqualTo("22");
        assertThat(video.at("/status/privacyStatus").asString()).isEqualTo("public");
        assertThat(video.at("/status/selfDeclaredMadeForKids").isBoolean()).isTrue();
        assertThat(video.at("/status/selfDeclaredMadeForKids").asBoolean()).isFalse();

        Recorded upload = single(youtube.server().received("PUT", PATH));
        assertThat(upload.header("Authorization")).isEqualTo("Bearer " + TOKEN.value());
        assertThat(upload.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(upload.header("Content-Length")).isEqualTo(Integer.toString(SIZE));
        assertThat(upload.header("Content-Range")).isNull();
        assertThat(upload.body()).isEqualTo(content);

        YouTubeStandIn.Video posted1 = single(youtube.videos());
        assertThat(posted1.content()).isEqualTo(content);
        assertThat(tokens).singleElement().asString().startsWith(youtube.server().base() + PATH + "?")
                .contains("upload_id=");
        assertThat(posted.remoteId()).isEqualTo(posted1.id());
        assertThat(posted.url()).isEqualTo("https://www.youtube.com/shorts/" + posted1.id());
        assertThat(posted.quotaUnits()).isEqualTo(100);
        assertThat(posted.notes()).isEmpty();
    }

    @Test
    void an_upload_dropped_halfway_resumes_from_the_range_youtube_reports() {
        youtube.dropNextUploadAfter(250_000);

        publisher(youtube.settings()).publish(request, tokens::add);

        List<Recorded> puts = youtube.server().received("PUT", PATH);
        assertThat(puts).hasSize(3);
        assertThat(puts.get(1).header("Content-Length")).isEqualTo("0");
        assertThat(puts.get(1).header("Content-Range")).isEqualTo("bytes */600000");
        assertThat(puts.get(2).header("Content-Range")).isEqualTo("bytes 250000-599999/600000");
        assertThat(puts.get(2).body()).hasSize(350_000);
        assertThat(single(youtube.videos()).content()).isEqualTo(content);
        assertThat(tokens).hasSize(1);
        assertThat(pauses).singleElement().satisfies(pause ->
                assertThat(pause).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void a_file_larger_than_a_chunk_goes_up_in_chunks_that_youtube_acknowledges_one_by_one() {
        publisher(youtube.settings().withChunkBytes(KIB_256)).publish(request, tokens::add);

        assertThat(youtube.server().received("PUT", PATH)).extracting(r -> r.header("Content-Range"))
                .containsExactly("bytes 0-262143/600000", "bytes 262144-524287/600000", "bytes 524288-599999/600000");
        assertThat(single(youtube.videos()).content()).isEqualTo(content);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a_chunk_broken_off_midway_resumes_from_the_last_byte_youtube_kept() {
        YouTubePublisher publisher = publisher(youtube.settings().withChunkBytes(KIB_256));
        youtube.dropNextUploadAfter(100_000);

        publisher.publish(request, tokens::add);

        assertThat(youtube.server().received("PUT", PATH)).extracting(r -> r.header("Content-Range"))
                .containsExactly("bytes 0-262143/600000", "bytes */600000", "bytes 100000-362143/600000",
                        "bytes 362144-599999/600000");
        assertThat(single(youtube.videos()).content()).isEqualTo(content);
    }

    @Test
    void a_503_is_retried_after_a_pause_by_asking_youtube_what_it_has() {
        youtube.answerUnavailable(2);

        publisher(youtube.settings()).publish(request, tokens::add);

        assertThat(youtube.server().received("PUT", PATH)).extracting(r -> r.header("Content-Range"))
                .containsExactly(null, "bytes */600000", null, "bytes */600000", null);
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(single(youtube.videos()).content()).isEqualTo(content);
    }

    @Test
    void an_upload_that_keeps_failing_gives_up_as_temporary_and_its_token_finishes_it_later() {
        youtube.answerUnavailable(100);
        YouTubePublisher publisher = publisher(youtube.settings());

        PlatformException failed = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request, tokens::add));

        assertThat(failed.failure()).isEqualTo(Failure.TEMPORARY);
        assertThat(failed.getMessage()).doesNotContain(tokens.get(0), "upload_id", TOKEN.value());
        assertThat(pauses).hasSize(YouTubePublisher.MAX_RETRIES);
        assertThat(youtube.postsOnPlatform()).isZero();

        youtube.answerUnavailable(0);
        Posted posted = publisher.publish(request.withResumeToken(tokens.get(0)), tokens::add);

        assertThat(tokens).hasSize(1);
        assertThat(youtube.server().received("POST", PATH)).hasSize(1);
        assertThat(single(youtube.videos()).content()).isEqualTo(content);
        assertThat(posted.remoteId()).isEqualTo(single(youtube.videos()).id());
    }

    @Test
    void the_token_of_a_finished_upload_confirms_the_video_without_sending_it_again() {
        YouTubePublisher publisher = publisher(youtube.settings());
        Posted first = publisher.publish(request, tokens::add);

        Posted again = publisher.publish(request.withResumeToken(tokens.get(0)), tokens::add);

        assertThat(again.remoteId()).isEqualTo(first.remoteId());
        assertThat(again.url()).isEqualTo(first.url());
        List<Recorded> puts = youtube.server().received("PUT", PATH);
        assertThat(puts).hasSize(2);
        assertThat(puts.get(1).body()).isEmpty();
        assertThat(puts.get(1).header("Content-Range")).isEqualTo("bytes */600000");
        assertThat(youtube.server().received("POST", PATH)).hasSize(1);
        assertThat(youtube.postsOnPlatform()).isEqualTo(1);
    }

    @Test
    void an_expired_session_starts_a_new_upload_and_reports_its_token_first() {
        YouTubePublisher publisher = publisher(youtube.settings());
        assertThatThrownBy(() -> publisher.publish(request, token -> {
            tokens.add(token);
            throw new IllegalStateException("the worker died");
        })).hasMessage("the worker died");
        youtube.expireSessions();
        List<Integer> bytesSentWhenReported = new ArrayList<>();

        publisher.publish(request.withResumeToken(tokens.get(0)), token -> {
            tokens.add(token);
            bytesSentWhenReported.add(youtube.server().received("PUT", PATH).stream()
                    .mapToInt(r -> r.body().length).sum());
        });

        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
        assertThat(bytesSentWhenReported).containsExactly(0);
        assertThat(youtube.server().received()).extracting(Recorded::method)
                .containsExactly("POST", "PUT", "POST", "PUT");
        assertThat(single(youtube.videos()).content()).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quotaExceeded", "uploadLimitExceeded"})
    void a_daily_limit_is_temporary_until_midnight_pacific_and_posts_nothing(String reason) {
        youtube.refuseNextStart(reason);

        PlatformException refused = catchThrowableOfType(PlatformException.class,
                () -> publisher(youtube.settings()).publish(request, tokens::add));

        assertThat(refused.failure()).isEqualTo(Failure.TEMPORARY);
        assertThat(refused.retryAfter()).contains(Duration.ofHours(19));
        assertThat(refused.getMessage()).contains(reason, "midnight Pacific");
        assertThat(tokens).isEmpty();
        assertThat(youtube.server().received("PUT", PATH)).isEmpty();
    }

    @Test
    void a_refused_upload_quotes_googles_reason_and_is_not_retried() {
        PlatformException refused = catchThrowableOfType(PlatformException.class,
                () -> publisher(youtube.settings().withCategoryId("99")).publish(request, tokens::add));

        assertThat(refused.failure()).isEqualTo(Failure.REFUSED);
        assertThat(refused.getMessage()).contains("HTTP 400 invalidCategoryId", "invalid category ID");
        assertThat(youtube.server().received()).hasSize(1);
    }

    @Test
    void a_token_rejected_midway_is_reported_so_the_caller_refreshes_it_and_resumes() {
        YouTubePublisher publisher = publisher(youtube.settings());
        assertThatThrownBy(() -> publisher.publish(request, token -> {
            tokens.add(token);
            throw new IllegalStateException("the worker died");
        }));

        assertThatThrownBy(() -> publisher.publish(request.withResumeToken(tokens.get(0))
                .withToken(new AccessToken("expired")), tokens::add))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.TOKEN_REJECTED));
        assertThat(youtube.postsOnPlatform()).isZero();
    }

    @Test
    void a_resume_token_that_is_not_a_youtube_session_is_refused_before_the_access_token_is_sent() {
        YouTubePublisher publisher = publisher(youtube.settings());
        for (String token : List.of("https://attacker.example/upload/youtube/v3/videos?upload_id=x",
                youtube.server().base() + "/elsewhere?upload_id=x", "not a uri")) {
            assertThatThrownBy(() -> publisher.publish(request.withResumeToken(token), tokens::add))
                    .isInstanceOfSatisfying(PlatformException.class,
                            e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED));
        }
        assertThat(youtube.server().received()).isEmpty();
    }

    @Test
    void a_video_youtube_keeps_private_comes_with_a_note_saying_why() {
        youtube.lockVideosPrivate();

        Posted posted = publisher(youtube.settings()).publish(request, tokens::add);

        assertThat(posted.notes()).singleElement().asString().contains("private instead of public", "audited");
    }

    private YouTubePublisher publisher(YouTubeSettings settings) {
        return new YouTubePublisher(settings, pauses::add, CLOCK);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
