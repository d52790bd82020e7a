package dev.truss.application.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.common.Outcome;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.fake.InMemoryAnalyticsStore;
import dev.truss.application.fake.InMemoryClipStore;
import dev.truss.application.fake.InMemoryJobQueue;
import dev.truss.application.fake.InMemoryJobStore;
import dev.truss.application.fake.InMemoryObjectStorage;
import dev.truss.application.fake.InMemoryPlatformAuthorizer;
import dev.truss.application.fake.InMemoryPlatformConnectionStore;
import dev.truss.application.fake.InMemoryPublicationStore;
import dev.truss.application.fake.InMemoryPublisher;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.job.RunJobs;
import dev.truss.application.job.SubmitJob;
import dev.truss.application.port.AesGcmSecretSealer;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobState;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import dev.truss.domain.platform.PublicationState;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublishClipTest {

    private static final URI REDIRECT = URI.create("https://truss.example/connect/callback");
    private static final Duration NO_WAIT = Duration.ofMillis(20);

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final CreatorId ada = Fixtures.creatorId();
    private final InMemoryClipStore clips = new InMemoryClipStore();
    private final InMemoryPlatformConnectionStore connections = new InMemoryPlatformConnectionStore();
    private final InMemoryPublicationStore publications = new InMemoryPublicationStore();
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryJobQueue queue = new InMemoryJobQueue(clock);
    private final InMemoryObjectStorage storage = new InMemoryObjectStorage(clock);
    private final InMemoryAnalyticsStore analytics = new InMemoryAnalyticsStore();
    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(new byte[32]);
    private final Map<Platform, InMemoryPublisher> publishers = Stream.of(Platform.values())
            .collect(Collectors.toMap(p -> p, InMemoryPublisher::new));
    private final Map<Platform, InMemoryPlatformAuthorizer> authorizers = Stream.of(Platform.values())
            .collect(Collectors.toMap(p -> p, p -> new InMemoryPlatformAuthorizer(p, clock)));
    private final ConnectPlatform connect = new ConnectPlatform(List.copyOf(authorizers.values()), List.of(),
            connections, sealer, clock, new SecureRandom());
    private final TokenHash session = SecretToken.generate(new SecureRandom()).hash();
    private final PublishClip publish = new PublishClip(clips, connections, publications,
            new SubmitJob(jobs, queue, clock), clock, EnumSet.of(Platform.YOUTUBE, Platform.TIKTOK, Platform.DISCORD));
    private final RunJobs worker = new RunJobs(jobs, queue, List.of(new PublishClipJob(publications, clips,
            connections, storage, sealer, List.copyOf(publishers.values()), List.copyOf(authorizers.values()),
            analytics, clock)), clock, Duration.ofMinutes(10), Duration.ofSeconds(1));

    @Test
    void a_rendered_clip_is_posted_once_to_each_chosen_platform_and_counted() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        connect(Platform.DISCORD);

        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE, Platform.DISCORD)))
                .orElseThrow();
        runAllJobs();

        assertThat(publishers.get(Platform.YOUTUBE).postsOf(clip.id())).hasSize(1);
        assertThat(publishers.get(Platform.DISCORD).postsOf(clip.id())).hasSize(1);
        assertThat(publications.find(ada, clip.id(), Platform.YOUTUBE).orElseThrow().state())
                .isInstanceOf(PublicationState.Published.class);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(analytics.range(ada, today, today).get(0).count(Metric.PUBLISHED_YOUTUBE)).isEqualTo(1);
        assertThat(analytics.range(ada, today, today).get(0).count(Metric.PUBLISHED_DISCORD)).isEqualTo(1);
    }

    @Test
    void asking_twice_posts_once() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.TIKTOK);
        PublishClip.Command command = new PublishClip.Command(ada, clip.id(), Set.of(Platform.TIKTOK));

        publish.execute(command).orElseThrow();
        publish.execute(command).orElseThrow();
        runAllJobs();
        List<PublishClip.Queued> again = publish.execute(command).orElseThrow();

        assertThat(publishers.get(Platform.TIKTOK).posts()).hasSize(1);
        assertThat(again.get(0).job()).as("nothing is queued for a published clip").isEmpty();
    }

    @Test
    void an_upload_cut_off_midway_is_resumed_not_posted_again() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        publishers.get(Platform.YOUTUBE).failNext(InMemoryPublisher.Failure.MID_UPLOAD, true);

        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();
        Job first = worker.runNext(NO_WAIT).orElseThrow();
        assertThat(publications.find(ada, clip.id(), Platform.YOUTUBE).orElseThrow().state())
                .as("the upload handle is kept for the retry").isInstanceOf(PublicationState.Uploading.class);
        clock.advance(Duration.ofMinutes(1));
        Job second = worker.runNext(NO_WAIT).orElseThrow();

        assertThat(first.state()).isEqualTo(JobState.QUEUED);
        assertThat(second.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(publishers.get(Platform.YOUTUBE).posts()).hasSize(1);
    }

    @Test
    void a_post_whose_answer_was_lost_is_confirmed_not_posted_again() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        publishers.get(Platform.YOUTUBE).failNext(InMemoryPublisher.Failure.LOST_RESPONSE, true);

        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();
        worker.runNext(NO_WAIT).orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        worker.runNext(NO_WAIT).orElseThrow();

        assertThat(publishers.get(Platform.YOUTUBE).posts()).hasSize(1);
        assertThat(publications.find(ada, clip.id(), Platform.YOUTUBE).orElseThrow().state())
                .isInstanceOfSatisfying(PublicationState.Published.class, published -> assertThat(published.remoteId())
                        .isEqualTo(publishers.get(Platform.YOUTUBE).posts().get(0).remoteId()));
    }

    @Test
    void a_refusal_fails_the_publication_with_the_platforms_reason_and_a_new_request_retries_it() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.TIKTOK);
        publishers.get(Platform.TIKTOK).failNext(InMemoryPublisher.Failure.MID_UPLOAD, false);
        PublishClip.Command command = new PublishClip.Command(ada, clip.id(), Set.of(Platform.TIKTOK));

        publish.execute(command).orElseThrow();
        runAllJobs();
        assertThat(publications.find(ada, clip.id(), Platform.TIKTOK).orElseThrow().state())
                .isInstanceOfSatisfying(PublicationState.Failed.class,
                        failed -> assertThat(failed.reason()).contains("tiktok refused"));

        publish.execute(command).orElseThrow();
        runAllJobs();
        assertThat(publications.find(ada, clip.id(), Platform.TIKTOK).orElseThrow().state())
                .isInstanceOf(PublicationState.Published.class);
    }

    @Test
    void an_unrendered_clip_or_an_unconnected_platform_is_refused_with_what_to_do() {
        Clip unrendered = Fixtures.clip(ada, Fixtures.assetId());
        clips.createAll(List.of(unrendered));
        Clip rendered = renderedClip();

        assertThat(publish.execute(new PublishClip.Command(ada, unrendered.id(), Set.of(Platform.YOUTUBE))))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.message()).contains("render"));
        assertThat(publish.execute(new PublishClip.Command(ada, rendered.id(), Set.of(Platform.TIKTOK))))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.message()).contains("connect [tiktok]"));
    }

    @Test
    void twitch_takes_no_uploads_so_publishing_there_is_refused_with_where_twitch_clips_come_from() {
        Clip clip = renderedClip();
        connect(Platform.TWITCH);

        Outcome<List<PublishClip.Queued>> refused = publish.execute(new PublishClip.Command(ada, clip.id(),
                Set.of(Platform.YOUTUBE, Platform.TWITCH)));

        assertThat(refused).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.message()).contains("Twitch takes no uploads", "chat spikes"));
        assertThat(publications.listByClip(ada, clip.id())).isEmpty();
    }

    @Test
    void a_platform_this_server_cannot_post_to_is_refused_before_anything_is_queued() {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        PublishClip youtubeless = new PublishClip(clips, connections, publications, new SubmitJob(jobs, queue, clock),
                clock, EnumSet.of(Platform.DISCORD));

        assertThat(youtubeless.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))))
                .isInstanceOfSatisfying(Outcome.Rejected.class,
                        r -> assertThat(r.message()).contains("does not publish to [youtube]"));
        assertThat(queue.submitted()).isEmpty();
    }

    @Test
    void tokens_are_stored_sealed_and_lists_never_show_them() {
        PlatformConnection connected = connect(Platform.YOUTUBE);

        PlatformConnection stored = connections.find(ada, Platform.YOUTUBE).orElseThrow();
        String access = stored.tokens().map(sealer::unseal).orElseThrow().split("\n")[0];
        assertThat(stored.tokens().orElseThrow().ciphertext()).doesNotContain(access);
        assertThat(connected.tokens()).isEmpty();
        assertThat(new ListConnections(connections).execute(ada)).allSatisfy(c -> assertThat(c.tokens()).isEmpty());
    }

    @Test
    void an_authorisation_for_someone_else_another_session_platform_or_redirect_is_refused_and_burns_the_state() {
        List<java.util.function.Function<String[], Outcome<PlatformConnection>>> forgeries = List.of(
                cs -> connect.complete(Fixtures.creatorId(), session, Platform.YOUTUBE, cs[0], cs[1], REDIRECT),
                cs -> connect.complete(ada, SecretToken.generate(new SecureRandom()).hash(), Platform.YOUTUBE, cs[0],
                        cs[1], REDIRECT),
                cs -> connect.complete(ada, session, Platform.TIKTOK, cs[0], cs[1], REDIRECT),
                cs -> connect.complete(ada, session, Platform.YOUTUBE, cs[0], cs[1],
                        URI.create("https://truss.example/elsewhere")));
        for (var forgery : forgeries) {
            String[] codeAndState = approvedCodeAndState(Platform.YOUTUBE);

            assertThat(forgery.apply(codeAndState)).isInstanceOf(Outcome.Rejected.class);
            assertThat(connect.complete(ada, session, Platform.YOUTUBE, codeAndState[0], codeAndState[1], REDIRECT))
                    .as("the state was used up by the refused attempt").isInstanceOf(Outcome.Rejected.class);
        }
        assertThat(connections.find(ada, Platform.YOUTUBE)).isEmpty();
    }

    @Test
    void a_forged_a_replayed_or_an_expired_state_is_refused() {
        String[] first = approvedCodeAndState(Platform.YOUTUBE);
        assertThat(connect.complete(ada, session, Platform.YOUTUBE, first[0], "forged", REDIRECT))
                .isInstanceOf(Outcome.Rejected.class);
        assertThat(connect.complete(ada, session, Platform.YOUTUBE, first[0], first[1], REDIRECT))
                .isInstanceOf(Outcome.Ok.class);
        assertThat(connect.complete(ada, session, Platform.YOUTUBE, first[0], first[1], REDIRECT))
                .as("replayed").isInstanceOf(Outcome.Rejected.class);

        String[] late = approvedCodeAndState(Platform.TIKTOK);
        clock.advance(ConnectPlatform.STATE_VALIDITY);
        assertThat(connect.complete(ada, session, Platform.TIKTOK, late[0], late[1], REDIRECT))
                .isInstanceOf(Outcome.Rejected.class);
    }

    @Test
    void the_consent_page_gets_a_random_state_and_an_s256_challenge_and_the_code_is_traded_with_its_verifier() {
        URI one = connect.begin(ada, session, Platform.YOUTUBE, REDIRECT).orElseThrow();
        URI two = connect.begin(ada, session, Platform.YOUTUBE, REDIRECT).orElseThrow();

        assertThat(query(one, "state")).hasSize(43).isNotEqualTo(query(two, "state"));
        assertThat(query(one, "code_challenge")).hasSize(43).isNotEqualTo(query(two, "code_challenge"));
        assertThat(query(one, "code_challenge_method")).isEqualTo("S256");
        // The fake platform refuses a verifier that does not match the challenge: a connection proves it matched.
        URI back = authorizers.get(Platform.YOUTUBE).approve(two);
        assertThat(connect.complete(ada, session, Platform.YOUTUBE, query(back, "code"), query(back, "state"),
                REDIRECT)).isInstanceOf(Outcome.Ok.class);
    }

    @Test
    void a_token_the_platform_rejects_is_refreshed_once_and_the_post_tried_once_more() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        InMemoryPlatformAuthorizer youtube = authorizers.get(Platform.YOUTUBE);
        publishers.get(Platform.YOUTUBE).acceptOnly(youtube::issued);
        String before = connections.find(ada, Platform.YOUTUBE).orElseThrow().tokens().map(sealer::unseal).orElseThrow();
        youtube.expire(new AccessToken(before.split("\n")[0])); // revoked early, though not yet expired

        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();
        runAllJobs();

        assertThat(publishers.get(Platform.YOUTUBE).posts()).singleElement()
                .satisfies(post -> assertThat(post.accessToken()).isNotEqualTo(before.split("\n")[0]));
        assertThat(publishers.get(Platform.YOUTUBE).attempts()).isEqualTo(2);
        assertThat(publications.find(ada, clip.id(), Platform.YOUTUBE).orElseThrow().state())
                .isInstanceOf(PublicationState.Published.class);
    }

    @Test
    void a_token_rejected_again_after_refreshing_fails_the_publication_for_good_asking_to_connect_again()
            throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        publishers.get(Platform.YOUTUBE).acceptOnly(token -> false);

        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();
        runAllJobs();

        assertThat(publications.find(ada, clip.id(), Platform.YOUTUBE).orElseThrow().state())
                .isInstanceOfSatisfying(PublicationState.Failed.class,
                        failed -> assertThat(failed.reason()).contains("even after refreshing", "401", "connect youtube again"));
        assertThat(publishers.get(Platform.YOUTUBE).attempts()).isEqualTo(2);
    }

    @Test
    void a_refresh_refused_because_another_job_just_rotated_the_refresh_token_uses_that_jobs_tokens() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.TIKTOK);
        InMemoryPlatformAuthorizer tiktok = authorizers.get(Platform.TIKTOK);
        PlatformConnection before = connections.find(ada, Platform.TIKTOK).orElseThrow();
        // Another worker refreshes first and saves; the platform rotates, so the refresh token this job read is dead.
        PlatformAuthorizer racing = new DuringRefresh(tiktok, refreshToken -> {
            OAuthGrant theirs = tiktok.refresh(refreshToken);
            connections.save(new PlatformConnection(ada, Platform.TIKTOK, before.accountId(), before.accountName(),
                    before.scopes(), theirs.expiresAt(), before.connectedAt(),
                    Optional.of(PlatformTokens.of(theirs).seal(sealer))));
            tiktok.revokeOnPlatform(refreshToken);
            throw PlatformException.refused("tiktok refused the refresh token: invalid_grant");
        });
        RunJobs racingWorker = new RunJobs(jobs, queue, List.of(new PublishClipJob(publications, clips, connections,
                storage, sealer, List.copyOf(publishers.values()), List.of(racing), analytics, clock)), clock,
                Duration.ofMinutes(10), Duration.ofSeconds(1));
        clock.advance(InMemoryPlatformAuthorizer.TOKEN_LIFETIME);

        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.TIKTOK))).orElseThrow();
        racingWorker.runNext(NO_WAIT);

        String saved = connections.find(ada, Platform.TIKTOK).orElseThrow().tokens().map(sealer::unseal).orElseThrow();
        assertThat(publishers.get(Platform.TIKTOK).posts()).singleElement()
                .satisfies(post -> assertThat(post.accessToken()).isEqualTo(saved.split("\\n")[0]));
        assertThat(publications.find(ada, clip.id(), Platform.TIKTOK).orElseThrow().state())
                .isInstanceOf(PublicationState.Published.class);
    }

    @Test
    void a_platform_that_asks_to_wait_hours_is_tried_again_then_not_sooner_so_the_attempt_is_not_wasted()
            throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        publishers.get(Platform.YOUTUBE).refuseNextFor(Duration.ofHours(9)); // a daily quota, back at midnight
        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();

        worker.runNext(NO_WAIT);
        clock.advance(Duration.ofHours(8));
        Optional<Job> tooEarly = worker.runNext(NO_WAIT);
        clock.advance(Duration.ofHours(1));
        Optional<Job> onTime = worker.runNext(NO_WAIT);

        assertThat(tooEarly).isEmpty();
        assertThat(onTime).hasValueSatisfying(job -> {
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(2);
        });
        assertThat(publishers.get(Platform.YOUTUBE).posts()).hasSize(1);
    }

    @Test
    void a_creator_who_disconnects_while_a_job_refreshes_stays_disconnected_and_nothing_is_posted() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        InMemoryPlatformAuthorizer youtube = authorizers.get(Platform.YOUTUBE);
        PlatformAuthorizer slow = new DuringRefresh(youtube, refreshToken -> {
            OAuthGrant fresh = youtube.refresh(refreshToken);
            connections.delete(ada, Platform.YOUTUBE); // the creator disconnects meanwhile
            return fresh;
        });
        RunJobs worker = new RunJobs(jobs, queue, List.of(new PublishClipJob(publications, clips, connections,
                storage, sealer, List.copyOf(publishers.values()), List.of(slow), analytics, clock)), clock,
                Duration.ofMinutes(10), Duration.ofSeconds(1));
        clock.advance(InMemoryPlatformAuthorizer.TOKEN_LIFETIME);
        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();

        Optional<Job> ran = worker.runNext(NO_WAIT);

        assertThat(ran).hasValueSatisfying(job -> assertThat(job.state()).isEqualTo(JobState.FAILED));
        assertThat(connections.find(ada, Platform.YOUTUBE)).isEmpty();
        assertThat(publishers.get(Platform.YOUTUBE).posts()).isEmpty();
    }

    /** A platform's OAuth whose refresh does what a test needs (race another worker, a disconnect). */
    private record DuringRefresh(PlatformAuthorizer real, java.util.function.Function<String, OAuthGrant> onRefresh)
            implements PlatformAuthorizer {
        @Override
        public Platform platform() {
            return real.platform();
        }

        @Override
        public URI authorizationUrl(AuthorizationRequest request) {
            return real.authorizationUrl(request);
        }

        @Override
        public OAuthGrant exchange(String code, String codeVerifier, URI redirect) {
            return real.exchange(code, codeVerifier, redirect);
        }

        @Override
        public OAuthGrant refresh(String refreshToken) {
            return onRefresh.apply(refreshToken);
        }

        @Override
        public void revoke(AccessToken accessToken, Optional<String> refreshToken) {
            real.revoke(accessToken, refreshToken);
        }
    }

    @Test
    void an_upload_broken_off_is_resumed_with_its_handle_which_is_stored_sealed() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        publishers.get(Platform.YOUTUBE).failNext(InMemoryPublisher.Failure.MID_UPLOAD, true);
        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();

        worker.runNext(NO_WAIT); // breaks off after the platform named the upload
        PublicationState stored = publications.find(ada, clip.id(), Platform.YOUTUBE).orElseThrow().state();
        runAllJobs();

        assertThat(stored).isInstanceOfSatisfying(PublicationState.Uploading.class, uploading -> {
            assertThat(uploading.resumeToken()).startsWith("v2:").doesNotContain("youtube-upload");
            assertThat(sealer.unseal(new dev.truss.domain.platform.SealedSecret(uploading.resumeToken())))
                    .isEqualTo("youtube-upload-1");
        });
        assertThat(publishers.get(Platform.YOUTUBE).posts()).singleElement()
                .satisfies(post -> assertThat(post.resumeToken()).isEqualTo("youtube-upload-1"));
    }

    @Test
    void what_the_platform_did_of_its_own_is_kept_with_the_publication_and_told_on_the_job() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.TIKTOK);
        publishers.get(Platform.TIKTOK).noteNext("posted privately (SELF_ONLY): TikTok has not audited the app yet");

        PublishClip.Queued queued = publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.TIKTOK)))
                .orElseThrow().get(0);
        runAllJobs();

        assertThat(publications.find(ada, clip.id(), Platform.TIKTOK).orElseThrow().state())
                .isInstanceOfSatisfying(PublicationState.Published.class, published -> assertThat(published.notes())
                        .containsExactly("posted privately (SELF_ONLY): TikTok has not audited the app yet"));
        assertThat(jobs.find(ada, queued.job().orElseThrow().id()).orElseThrow().notes())
                .contains("posted privately (SELF_ONLY): TikTok has not audited the app yet");
    }

    @Test
    void a_token_expiring_within_minutes_is_refreshed_before_a_long_upload_starts() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        String before = connections.find(ada, Platform.YOUTUBE).orElseThrow().tokens().map(sealer::unseal).orElseThrow();
        clock.advance(InMemoryPlatformAuthorizer.TOKEN_LIFETIME.minus(ConnectionTokens.REFRESH_MARGIN).plusSeconds(1));

        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();
        runAllJobs();

        assertThat(publishers.get(Platform.YOUTUBE).posts().get(0).accessToken())
                .isNotEqualTo(before.split("\n")[0]);
    }

    @Test
    void disconnecting_revokes_the_grant_at_the_platform_and_deletes_the_connection() {
        connect(Platform.YOUTUBE);
        String refresh = connections.find(ada, Platform.YOUTUBE).orElseThrow().tokens().map(sealer::unseal)
                .orElseThrow().split("\n")[1];
        DisconnectPlatform disconnect = new DisconnectPlatform(connections, List.copyOf(authorizers.values()),
                List.of(), sealer);

        DisconnectPlatform.Disconnected done = disconnect.execute(ada, Platform.YOUTUBE).orElseThrow();

        assertThat(done.revocationProblem()).isEmpty();
        assertThat(done.connection().tokens()).isEmpty();
        assertThat(authorizers.get(Platform.YOUTUBE).revocations()).isEqualTo(1);
        assertThatThrownBy(() -> authorizers.get(Platform.YOUTUBE).refresh(refresh))
                .isInstanceOf(dev.truss.application.port.platform.PlatformException.class);
        assertThat(connections.find(ada, Platform.YOUTUBE)).isEmpty();
        assertThat(disconnect.execute(ada, Platform.YOUTUBE)).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void a_platform_no_longer_configured_is_still_disconnected_and_the_creator_told_to_revoke_by_hand() {
        connect(Platform.TIKTOK);
        DisconnectPlatform withoutTikTok = new DisconnectPlatform(connections, List.of(), List.of(), sealer);

        DisconnectPlatform.Disconnected done = withoutTikTok.execute(ada, Platform.TIKTOK).orElseThrow();

        assertThat(done.revocationProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("remove Truss in your tiktok settings"));
        assertThat(connections.find(ada, Platform.TIKTOK)).isEmpty();
    }

    @Test
    void an_expired_access_token_is_refreshed_before_posting() throws Exception {
        Clip clip = renderedClip();
        connect(Platform.YOUTUBE);
        String before = connections.find(ada, Platform.YOUTUBE).orElseThrow().tokens().map(sealer::unseal).orElseThrow();
        clock.advance(InMemoryPlatformAuthorizer.TOKEN_LIFETIME.plusMinutes(1));

        publish.execute(new PublishClip.Command(ada, clip.id(), Set.of(Platform.YOUTUBE))).orElseThrow();
        runAllJobs();

        String after = connections.find(ada, Platform.YOUTUBE).orElseThrow().tokens().map(sealer::unseal).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(publishers.get(Platform.YOUTUBE).posts().get(0).accessToken()).isEqualTo(after.split("\n")[0]);
    }

    private PlatformConnection connect(Platform platform) {
        String[] codeAndState = approvedCodeAndState(platform);
        return connect.complete(ada, session, platform, codeAndState[0], codeAndState[1], REDIRECT).orElseThrow();
    }

    /** The creator starts connecting in {@link #session} and approves on the platform: the code and state sent back. */
    private String[] approvedCodeAndState(Platform platform) {
        URI back = authorizers.get(platform).approve(connect.begin(ada, session, platform, REDIRECT).orElseThrow());
        return new String[] {query(back, "code"), query(back, "state")};
    }

    private Clip renderedClip() {
        Clip clip = Fixtures.clip(ada, Fixtures.assetId()).rendered("renders/a.mp4", "renders/a.jpg", clock.instant());
        clips.createAll(List.of(clip));
        storage.preload("renders/a.mp4", new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, "video/mp4");
        return clip;
    }

    private void runAllJobs() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Optional<Job> ran = worker.runNext(NO_WAIT);
            if (ran.isEmpty()) {
                clock.advance(Duration.ofMinutes(1)); // let retries come due
                if (worker.runNext(NO_WAIT).isEmpty()) {
                    return;
                }
            }
        }
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
