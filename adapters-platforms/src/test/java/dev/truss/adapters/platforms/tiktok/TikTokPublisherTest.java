package dev.truss.adapters.platforms.tiktok;

import static dev.truss.adapters.platforms.tiktok.TikTokStandIn.CREATOR_INFO;
import static dev.truss.adapters.platforms.tiktok.TikTokStandIn.INIT;
import static dev.truss.adapters.platforms.tiktok.TikTokStandIn.MB;
import static dev.truss.adapters.platforms.tiktok.TikTokStandIn.PUBLIC_ACCOUNT;
import static dev.truss.adapters.platforms.tiktok.TikTokStandIn.STATUS;
import static dev.truss.adapters.platforms.tiktok.TikTokStandIn.UPLOAD;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TikTokPublisherTest {

    private static final UlidFactory IDS = new UlidFactory(new SecureRandom());
    private static final long LARGE_SIZE = 11 * MB + 123;

    @TempDir
    static Path files;
    private static Path large;
    private static byte[] largeBytes;
    private static Path small;

    private final TikTokStandIn tiktok = new TikTokStandIn();
    private final TikTokPublisher publisher = tiktok.publisher();
    private final List<String> tokens = new ArrayList<>();

    @BeforeAll
    static void writeTheVideos() throws Exception {
        largeBytes = new byte[(int) LARGE_SIZE];
        new Random(7).nextBytes(largeBytes);
        large = Files.write(files.resolve("large.mp4"), largeBytes);
        byte[] smallBytes = new byte[4096];
        new Random(8).nextBytes(smallBytes);
        small = Files.write(files.resolve("small.mp4"), smallBytes);
    }

    @AfterEach
    void closeTheStandIn() {
        tiktok.close();
    }

    @Test
    void a_video_over_five_megabytes_goes_up_in_sequential_chunks_that_reassemble_to_the_file() {
        List<Integer> chunksWhenReported = new ArrayList<>();

        Posted posted = publisher.publish(request(large, 30_000), token -> {
            tokens.add(token);
            chunksWhenReported.add(tiktok.received("PUT", UPLOAD).size());
        });

        JsonNode source = json(tiktok.received("POST", INIT).get(0)).path("source_info");
        assertThat(source.path("source").asString()).isEqualTo("FILE_UPLOAD");
        assertThat(source.path("video_size").asLong()).isEqualTo(LARGE_SIZE);
        assertThat(source.path("chunk_size").asLong()).isEqualTo(5 * MB);
        assertThat(source.path("total_chunk_count").asLong()).isEqualTo(2);
        List<Recorded> puts = tiktok.received("PUT", UPLOAD);
        assertThat(puts).extracting(put -> put.header("Content-Range"))
                .containsExactly("bytes 0-5242879/" + LARGE_SIZE, "bytes 5242880-" + (LARGE_SIZE - 1) + "/" + LARGE_SIZE);
        assertThat(puts).extracting(put -> put.header("Content-Length"))
                .containsExactly("5242880", Long.toString(LARGE_SIZE - 5 * MB));
        assertThat(puts).allSatisfy(put -> {
            assertThat(put.header("Content-Type")).isEqualTo("video/mp4");
            assertThat(put.header("Authorization")).as("the upload URL needs no token").isNull();
        });
        assertThat(tiktok.upload(tokens.get(0)).bytes.toByteArray()).isEqualTo(largeBytes);
        assertThat(tokens).containsExactlyElementsOf(tiktok.publishIds());
        assertThat(chunksWhenReported).containsExactly(0);
        assertThat(posted.remoteId()).matches("\\d+");
        assertThat(posted.url()).isEqualTo("https://www.tiktok.com/@truss.creator/video/" + posted.remoteId());
        assertThat(posted.notes()).isEmpty();
    }

    @Test
    void a_public_account_gets_a_public_post_after_its_creator_info_was_asked() {
        publisher.publish(request(small, 30_000), tokens::add);

        assertThat(tiktok.received()).extracting(Recorded::path)
                .containsExactly(CREATOR_INFO, INIT, UPLOAD, STATUS);
        assertThat(tiktok.received("POST", CREATOR_INFO).get(0).body()).isEmpty();
        JsonNode init = json(tiktok.received("POST", INIT).get(0));
        assertThat(init.at("/post_info/privacy_level").asString()).isEqualTo("PUBLIC_TO_EVERYONE");
        assertThat(init.at("/post_info/title").asString()).isEqualTo("The best thirty seconds\n\n#fyp #gaming");
        assertThat(init.at("/source_info/chunk_size").asLong()).isEqualTo(4096);
        assertThat(init.at("/source_info/total_chunk_count").asLong()).isEqualTo(1);
        assertThat(json(tiktok.received("POST", STATUS).get(0)).path("publish_id").asString()).isEqualTo(tokens.get(0));
    }

    @Test
    void an_error_code_in_an_http_200_is_a_failure_and_not_an_answer() {
        tiktok.answerNext(CREATOR_INFO, 200, "spam_risk_too_many_posts",
                "The daily post cap from the API is reached for the current user.");

        PlatformException e = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request(small, 30_000), tokens::add));

        assertThat(e.failure()).isEqualTo(Failure.TEMPORARY);
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(e.getMessage()).contains("daily limit", "spam_risk_too_many_posts");
        assertThat(tiktok.received("POST", INIT)).isEmpty();
        assertThat(tokens).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0} {1} → {2}")
    @CsvSource({
            "401, access_token_invalid, TOKEN_REJECTED, rejected the access token",
            "401, scope_not_authorized, REFUSED, reconnect TikTok and allow posting",
            "429, rate_limit_exceeded, TEMPORARY, trying again in a minute",
            "403, spam_risk_user_banned_from_posting, REFUSED, barred this account",
            "403, unaudited_client_can_only_post_to_private_accounts, REFUSED, make your TikTok account private",
            "403, reached_active_user_cap, TEMPORARY, cap of active users",
            "500, internal_error, TEMPORARY, on its side",
            "400, invalid_param, REFUSED, HTTP 400: in TikTok's words",
            "200, a_code_yet_unknown, REFUSED, a_code_yet_unknown",
    })
    void what_tiktoks_error_codes_mean_when_a_post_is_started(int status, String code, Failure failure, String says) {
        tiktok.answerNext(INIT, status, code, "in TikTok's words");

        PlatformException e = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request(small, 30_000), tokens::add));

        assertThat(e.failure()).isEqualTo(failure);
        assertThat(e.getMessage()).contains(says);
        assertThat(tokens).isEmpty();
        assertThat(tiktok.received("PUT", UPLOAD)).isEmpty();
    }

    @Test
    void an_unaudited_app_posts_privately_and_tells_the_creator_why() {
        tiktok.creator(List.of("SELF_ONLY"), 600, false);

        Posted posted = publisher.publish(request(small, 30_000), tokens::add);

        assertThat(json(tiktok.received("POST", INIT).get(0)).at("/post_info/privacy_level").asString())
                .isEqualTo("SELF_ONLY");
        assertThat(posted.remoteId()).as("a private post has no public id").isEqualTo(tokens.get(0));
        assertThat(posted.url()).isEqualTo("https://www.tiktok.com/@truss.creator");
        assertThat(posted.notes()).contains(TikTokPublisher.UNAUDITED_NOTE);
        assertThat(posted.notes().get(0)).contains("privately", "not audited yet");
        assertThat(tiktok.posts()).isEqualTo(1);
    }

    @Test
    void a_private_account_posts_to_its_followers_and_keeps_the_interactions_it_turned_off() {
        tiktok.creator(List.of("FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"), 600, true);

        Posted posted = publisher.publish(request(small, 30_000), tokens::add);

        JsonNode postInfo = json(tiktok.received("POST", INIT).get(0)).path("post_info");
        assertThat(postInfo.path("privacy_level").asString()).isEqualTo("FOLLOWER_OF_CREATOR");
        assertThat(postInfo.path("disable_comment").asBoolean()).isTrue();
        assertThat(postInfo.path("disable_duet").asBoolean()).isFalse();
        assertThat(posted.notes()).singleElement().asString().contains("followers only");
    }

    @Test
    void a_clip_longer_than_the_creator_may_post_is_refused_before_anything_is_sent() {
        tiktok.creator(PUBLIC_ACCOUNT, 15, false);

        PlatformException e = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request(small, 30_000), tokens::add));

        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("30 s long", "at most 15 s");
        assertThat(tiktok.received("POST", INIT)).isEmpty();
    }

    @Test
    void tiktok_is_polled_with_backoff_until_it_has_processed_the_clip() {
        tiktok.processingFor(4);

        Posted posted = publisher.publish(request(small, 30_000), tokens::add);

        assertThat(posted.remoteId()).matches("\\d+");
        assertThat(tiktok.received("POST", STATUS)).hasSize(5);
        assertThat(tiktok.time().sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6),
                Duration.ofSeconds(12), Duration.ofSeconds(15));
    }

    @Test
    void a_clip_still_processing_at_the_deadline_is_temporary_and_its_publish_id_finishes_it() {
        tiktok.processingFor(1000);
        TikTokPublisher patient = tiktok.publisher(new TikTokPublisher.Tuning(5 * MB, Duration.ofSeconds(3),
                Duration.ofSeconds(15), Duration.ofSeconds(30)));
        Request request = request(small, 30_000);

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> patient.publish(request, tokens::add));
        assertThat(e.failure()).isEqualTo(Failure.TEMPORARY);
        assertThat(tiktok.time().sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6),
                Duration.ofSeconds(12));
        tiktok.processingFor(0);
        Posted posted = patient.publish(request.withResumeToken(tokens.get(0)), tokens::add);

        assertThat(posted.remoteId()).matches("\\d+");
        assertThat(tokens).hasSize(1);
        assertThat(tiktok.received("POST", INIT)).hasSize(1);
        assertThat(tiktok.received("PUT", UPLOAD)).hasSize(1);
        assertThat(tiktok.posts()).isEqualTo(1);
    }

    @Test
    void publishing_again_after_tiktok_published_confirms_the_post_without_sending_it_again() {
        Request request = request(large, 30_000);
        Posted first = publisher.publish(request, tokens::add);

        Posted again = publisher.publish(request.withResumeToken(tokens.get(0)), tokens::add);

        assertThat(again).isEqualTo(first);
        assertThat(tokens).hasSize(1);
        assertThat(tiktok.received("POST", INIT)).hasSize(1);
        assertThat(tiktok.received("PUT", UPLOAD)).hasSize(2);
        assertThat(tiktok.posts()).isEqualTo(1);
    }

    @Test
    void a_post_tiktok_failed_is_refused_with_its_reason_and_not_sent_again_on_resume() {
        tiktok.failPublishing("frame_rate_check_failed");
        Request request = request(small, 30_000);

        PlatformException first = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request, tokens::add));
        PlatformException again = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request.withResumeToken(tokens.get(0)), tokens::add));

        for (PlatformException e : List.of(first, again)) {
            assertThat(e.failure()).isEqualTo(Failure.REFUSED);
            assertThat(e.getMessage()).contains("could not publish", "frame_rate_check_failed");
        }
        assertThat(tiktok.received("POST", INIT)).hasSize(1);
        assertThat(tiktok.posts()).isZero();
    }

    @Test
    void a_post_tiktok_failed_on_its_side_is_sent_anew_under_a_new_publish_id() {
        tiktok.failPublishing("internal");
        Request request = request(small, 30_000);
        PlatformException e = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request, tokens::add));
        assertThat(e.failure()).isEqualTo(Failure.TEMPORARY);
        tiktok.failPublishing(null);

        Posted posted = publisher.publish(request.withResumeToken(tokens.get(0)), tokens::add);

        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
        assertThat(posted.remoteId()).matches("\\d+");
        assertThat(tiktok.posts()).isEqualTo(1);
    }

    @Test
    void an_upload_broken_off_midway_is_sent_again_under_a_new_publish_id() {
        tiktok.failChunkOnce(1);
        Request request = request(large, 30_000);
        PlatformException e = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request, tokens::add));
        assertThat(e.failure()).isEqualTo(Failure.TEMPORARY);
        assertThat(tiktok.upload(tokens.get(0)).bytes.size()).isEqualTo(5 * MB);

        publisher.publish(request.withResumeToken(tokens.get(0)), tokens::add);

        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
        assertThat(tiktok.upload(tokens.get(1)).bytes.toByteArray()).isEqualTo(largeBytes);
        assertThat(tiktok.posts()).isEqualTo(1);
    }

    @Test
    void a_failure_never_quotes_the_access_token_or_the_upload_url() {
        tiktok.failChunkOnce(0).answerNext(STATUS, 401, "access_token_invalid", "The access token is invalid.");
        Request request = request(small, 30_000);

        PlatformException chunk = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request, tokens::add));
        PlatformException status = catchThrowableOfType(PlatformException.class,
                () -> publisher.publish(request.withResumeToken(tokens.get(0)), tokens::add));

        assertThat(status.failure()).isEqualTo(Failure.TOKEN_REJECTED);
        String uploadToken = tiktok.upload(tokens.get(0)).uploadToken;
        for (PlatformException e : List.of(chunk, status)) {
            assertThat(e.getMessage()).doesNotContain(TikTokStandIn.TOKEN, uploadToken, "upload_id", "127.0.0.1");
        }
    }

    @Test
    void the_caption_is_the_title_then_the_description_cut_to_tiktoks_limit_without_splitting_a_character() {
        String emoji = "\uD83D\uDE00";

        String cut = TikTokPublisher.caption("a" + emoji.repeat(1200), "");

        assertThat(cut).hasSize(2199).endsWith(emoji);
        assertThat(TikTokPublisher.caption("Title", "#fyp")).isEqualTo("Title\n\n#fyp");
        assertThat(TikTokPublisher.caption("Title", "Title, then more")).isEqualTo("Title, then more");
        assertThat(TikTokPublisher.caption("x".repeat(3000), "")).hasSize(2200);
    }

    private static JsonNode json(Recorded request) {
        return PlatformHttp.JSON.readTree(request.text());
    }

    private static Request request(Path video, long durationMs) {
        Instant now = Instant.now();
        Clip clip = new Clip(new ClipId(IDS.next(now.toEpochMilli())), new CreatorId(IDS.next(now.toEpochMilli())),
                new AssetId(IDS.next(now.toEpochMilli())), new TimeRange(0, durationMs), "The best thirty seconds",
                "Wait for it", "#fyp #gaming", new ViralityScore(0, List.of()), Layout.CENTER_CROP,
                new RenderState.Rendered("clips/clip.mp4", "clips/clip.jpg", now), now, 1);
        return new Request(clip, video, clip.title(), clip.caption(), new AccessToken(TikTokStandIn.TOKEN),
                Optional.empty(), URI.create("https://storage.example/clips/" + clip.id() + ".mp4?signature=abc"));
    }
}
