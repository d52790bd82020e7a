package dev.truss.application.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.asset.CompleteUpload;
import dev.truss.application.asset.RequestUpload;
import dev.truss.application.auth.RequestMagicLink;
import dev.truss.application.auth.VerifyMagicLink;
import dev.truss.application.common.Outcome;
import dev.truss.application.common.PageQuery;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.fake.InMemoryTruss;
import dev.truss.application.profile.GetDashboard;
import dev.truss.application.publishing.PublishClip;
import dev.truss.application.stream.StartStream;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.asset.AssetState;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.JobState;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PublicationState;
import dev.truss.domain.stream.ChatMessage;
import dev.truss.domain.stream.Stream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The whole product on in-memory fakes, as a creator lives it: log in by magic link, upload a
 * video, have it analysed into clips ranked by score, render the best, publish it to two
 * platforms, see it counted, and go live with a chat that spikes.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreatorJourneyTest {

    private static final URI CALLBACK = URI.create("https://truss.example/connect/callback");

    private final InMemoryTruss truss = new InMemoryTruss();

    @Test
    void a_creator_goes_from_a_raw_video_to_published_clips_and_a_watched_live_stream() throws Exception {
        // Log in by magic link: the first login creates the creator.
        truss.core.requestMagicLink().execute(RequestMagicLink.Command.of("ada@example.com"));
        VerifyMagicLink.LoggedIn login = truss.core.verifyMagicLink()
                .execute(truss.lastLoginToken("ada@example.com").orElseThrow()).orElseThrow();
        CreatorId ada = truss.core.authenticate().execute(login.sessionToken().value()).orElseThrow().creatorId();
        assertThat(ada).isEqualTo(login.creator().id());

        // Upload straight to object storage through a presigned URL, then complete.
        byte[] video = InMemoryMedia.video(180_000).loud(40, 55).motion(95, 120).cuts(42_000, 100_000, 110_000)
                .silence(30_000, 31_500).silence(60_000, 61_000).bytes();
        RequestUpload.Upload upload = truss.core.requestUpload()
                .execute(new RequestUpload.Command(ada, "Boss fight", "video/mp4", video.length)).orElseThrow();
        truss.objects.put(upload.upload(), video, "video/mp4");
        CompleteUpload.Accepted accepted = truss.core.completeUpload().execute(ada, upload.asset().id()).orElseThrow();
        assertThat(accepted.analysis()).isPresent();
        assertThat(truss.core.completeUpload().execute(ada, upload.asset().id()).orElseThrow().analysis())
                .as("completing twice queues no second analysis").hasValueSatisfying(job ->
                        assertThat(job.id()).isEqualTo(accepted.analysis().get().id()));

        // Analysis runs in the background and is polled like any job.
        truss.runJobs();
        assertThat(truss.core.getJobStatus().execute(ada, accepted.analysis().get().id()).orElseThrow().state())
                .isEqualTo(JobState.SUCCEEDED);
        var analysed = truss.core.getAsset().execute(ada, upload.asset().id()).orElseThrow();
        assertThat(analysed.asset().state()).isEqualTo(AssetState.ANALYSED);
        assertThat(analysed.chapters()).isNotEmpty();

        // Clips: listed newest first, ranked by score, each score explained.
        List<Clip> top = truss.core.listClips().topByScore(ada, PageQuery.first(10)).items();
        assertThat(top).hasSizeGreaterThanOrEqualTo(2);
        assertThat(top).isSortedAccordingTo(Comparator.comparing(Clip::score).reversed());
        assertThat(top).allSatisfy(clip -> {
            assertThat(clip.score().contributions()).isNotEmpty();
            assertThat(clip.range().durationMs()).isBetween(15_000L, 60_000L);
        });
        for (int i = 0; i < top.size(); i++) {
            for (int j = i + 1; j < top.size(); j++) {
                assertThat(top.get(i).range().overlaps(top.get(j).range())).isFalse();
            }
        }
        Clip best = top.get(0);
        assertThat(best.range().overlaps(new dev.truss.domain.time.TimeRange(40_000, 55_000)))
                .as("the best clip holds the loud part").isTrue();

        // Render the best clip.
        truss.core.renderClip().execute(ada, best.id()).orElseThrow();
        truss.runJobs();
        assertThat(truss.clips.find(ada, best.id()).orElseThrow().render()).isInstanceOf(RenderState.Rendered.class);
        assertThat(truss.core.downloadClip().execute(ada, best.id())).isInstanceOf(Outcome.Ok.class);

        // Connect two platforms and publish to both.
        connect(ada, login.session().tokenHash(), Platform.YOUTUBE);
        connect(ada, login.session().tokenHash(), Platform.TIKTOK);
        truss.core.publishClip().execute(new PublishClip.Command(ada, best.id(),
                Set.of(Platform.YOUTUBE, Platform.TIKTOK))).orElseThrow();
        truss.runJobs();
        assertThat(truss.publishers.get(Platform.YOUTUBE).postsOf(best.id())).hasSize(1);
        assertThat(truss.publishers.get(Platform.TIKTOK).postsOf(best.id())).hasSize(1);
        assertThat(truss.publications.listByClip(ada, best.id()))
                .allSatisfy(p -> assertThat(p.state()).isInstanceOf(PublicationState.Published.class));

        // Go live: a chat that bursts is one spike.
        Stream stream = truss.core.startStream()
                .execute(new StartStream.Command(ada, "Ranked grind", Platform.TWITCH)).orElseThrow();
        chat(ada, stream, 0, 8, 12);
        chat(ada, stream, 8, 9, 120);
        chat(ada, stream, 9, 10, 12);
        truss.core.endStream().execute(ada, stream.id()).orElseThrow();
        assertThat(truss.core.listSpikes().ofStream(ada, stream.id(), PageQuery.firstPage()).orElseThrow().items())
                .hasSize(1);

        // Everything was counted, and the dashboard shows it.
        GetDashboard.Dashboard dashboard = truss.core.getDashboard().execute(ada).orElseThrow();
        assertThat(dashboard.recentAssets()).extracting(a -> a.id()).containsExactly(upload.asset().id());
        assertThat(dashboard.lastDays()).hasSize(GetDashboard.DAYS);
        assertThat(total(dashboard, Metric.ASSETS_UPLOADED)).isEqualTo(1);
        assertThat(total(dashboard, Metric.ASSETS_ANALYSED)).isEqualTo(1);
        assertThat(total(dashboard, Metric.CLIPS_CREATED)).isEqualTo(top.size());
        assertThat(total(dashboard, Metric.CLIPS_RENDERED)).isEqualTo(1);
        assertThat(total(dashboard, Metric.PUBLISHED_YOUTUBE)).isEqualTo(1);
        assertThat(total(dashboard, Metric.PUBLISHED_TIKTOK)).isEqualTo(1);
        assertThat(total(dashboard, Metric.CHAT_SPIKES)).isEqualTo(1);
    }

    @Test
    void a_file_that_is_not_a_video_is_rejected_with_its_reason_and_nothing_else_is_lost() {
        truss.core.requestMagicLink().execute(RequestMagicLink.Command.of("bob@example.com"));
        CreatorId bob = truss.core.verifyMagicLink().execute(truss.lastLoginToken("bob@example.com").orElseThrow())
                .orElseThrow().creator().id();
        byte[] notAVideo = InMemoryMedia.randomBytes(4096, 7);
        RequestUpload.Upload upload = truss.core.requestUpload()
                .execute(new RequestUpload.Command(bob, "Holiday", "video/mp4", notAVideo.length)).orElseThrow();
        truss.objects.put(upload.upload(), notAVideo, "video/mp4");

        Outcome<CompleteUpload.Accepted> outcome = truss.core.completeUpload().execute(bob, upload.asset().id());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.message()).startsWith("this file cannot be used: "));
        var asset = truss.core.getAsset().execute(bob, upload.asset().id()).orElseThrow().asset();
        assertThat(asset.state()).isEqualTo(AssetState.FAILED);
        assertThat(asset.failureReason()).isPresent();
        assertThat(truss.queue.submitted()).isEmpty();
        assertThat(truss.objects.keys()).contains(asset.objectKey());
    }

    private void connect(CreatorId creator, TokenHash session, Platform platform) {
        URI consent = truss.core.connectPlatform().begin(creator, session, platform, CALLBACK).orElseThrow();
        URI back = truss.authorizers.get(platform).approve(consent);
        truss.core.connectPlatform().complete(creator, session, platform, param(back, "code"), param(back, "state"),
                CALLBACK).orElseThrow();
    }

    private void chat(CreatorId creator, Stream stream, int fromMinute, int toMinute, int perMinute) {
        for (int minute = fromMinute; minute < toMinute; minute++) {
            Instant start = stream.startedAt().plus(Duration.ofMinutes(minute));
            List<ChatMessage> batch = new ArrayList<>();
            for (int i = 0; i < perMinute; i++) {
                batch.add(new ChatMessage(start.plusMillis(60_000L * i / perMinute), i % 3 == 0 ? "CLIP IT!!" : "gg"));
            }
            truss.clock.set(start.plus(Duration.ofMinutes(1)));
            truss.core.ingestChat().execute(creator, stream.id(), batch).orElseThrow();
        }
    }

    private static long total(GetDashboard.Dashboard dashboard, Metric metric) {
        return dashboard.lastDays().stream().mapToLong(day -> day.count(metric)).sum();
    }

    private static String param(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
