package dev.truss.application.publishing;

import dev.truss.application.common.DailyCounters;
import dev.truss.application.common.ReadModifyWrite;
import dev.truss.application.job.JobHandler;
import dev.truss.application.job.JobProgress;
import dev.truss.application.job.PermanentJobFailure;
import dev.truss.application.job.RetryLater;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.platform.Publisher;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.PublicationStore;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.Publication;
import dev.truss.domain.platform.PublicationState;
import dev.truss.domain.platform.SealedSecret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Posts one clip to one platform. Before bytes flow, the platform's upload handle is stored,
 * sealed, on the publication; a retry after a crash hands it back to the publisher, which resumes
 * or confirms that upload, so a clip is never posted twice.
 */
public final class PublishClipJob implements JobHandler {

    private final PublicationStore publications;
    private final ClipStore clips;
    private final ObjectStorage storage;
    private final Map<Platform, Publisher> publishers;
    private final ConnectionTokens tokens;
    private final SecretSealer sealer;
    private final AnalyticsStore analytics;
    private final Clock clock;

    public PublishClipJob(PublicationStore publications, ClipStore clips, PlatformConnectionStore connections,
                          ObjectStorage storage, SecretSealer sealer, List<Publisher> publishers,
                          List<PlatformAuthorizer> authorizers, AnalyticsStore analytics, Clock clock) {
        this.publications = publications;
        this.clips = clips;
        this.storage = storage;
        this.publishers = Platforms.byPlatform(publishers, Publisher::platform);
        this.tokens = new ConnectionTokens(connections, authorizers, sealer, clock);
        this.sealer = sealer;
        this.analytics = analytics;
        this.clock = clock;
    }

    /** How long the link to the video, for a platform that takes a link, stays good. */
    static final Duration DOWNLOAD_LINK_VALIDITY = Duration.ofDays(7);

    static String subject(ClipId clip, Platform platform) {
        return clip + ":" + platform.slug();
    }

    /** What a job's subject names: one clip on one platform. */
    private record Target(ClipId clip, Platform platform) {
        static Target of(Job job) {
            int colon = job.subject().indexOf(':');
            return new Target(ClipId.parse(job.subject().substring(0, colon)),
                    Platform.parse(job.subject().substring(colon + 1)));
        }
    }

    @Override
    public JobKind kind() {
        return JobKind.PUBLISH_CLIP;
    }

    @Override
    public void run(Job job, JobProgress progress) throws Exception {
        ClipId clipId = Target.of(job).clip();
        Platform platform = Target.of(job).platform();
        Publication publication = publications.find(job.creatorId(), clipId, platform)
                .orElseThrow(() -> new PermanentJobFailure("the publication record is gone"));
        if (publication.state() instanceof PublicationState.Published) {
            return; // a duplicate delivery of finished work
        }
        Clip clip = clips.find(job.creatorId(), clipId)
                .orElseThrow(() -> new PermanentJobFailure("the clip was deleted"));
        if (!(clip.render() instanceof RenderState.Rendered rendered)) {
            throw new PermanentJobFailure("the clip is no longer rendered (it was edited); render it again");
        }
        Publisher publisher = Optional.ofNullable(publishers.get(platform))
                .orElseThrow(() -> new PermanentJobFailure(platform.slug() + " is not configured on this server"));
        Optional<String> resume = publication.state() instanceof PublicationState.Uploading uploading
                ? Optional.of(sealer.unseal(new SealedSecret(uploading.resumeToken()))) : Optional.empty();
        Path video = Files.createTempFile("truss-publish-", ".mp4");
        try {
            progress.report("downloading", 5);
            storage.download(rendered.videoKey(), video);
            progress.report("uploading to " + platform.slug(), 20);
            URI link = storage.presignDownload(rendered.videoKey(), DOWNLOAD_LINK_VALIDITY);
            // A retry after a rejected token resumes the upload the first try began, if it began one.
            AtomicReference<Optional<String>> latest = new AtomicReference<>(resume);
            Publisher.Posted done = tokens.call(job.creatorId(), platform, token -> publisher.publish(
                    new Publisher.Request(clip, video, clip.title(), description(clip), token, latest.get(), link),
                    handle -> {
                        // Sealed: an upload session URI (YouTube's) lets whoever holds it upload into that video.
                        String sealed = sealer.seal(handle).ciphertext();
                        change(publication, current -> current.uploading(sealed, clock.instant()));
                        latest.set(Optional.of(handle));
                    }));
            change(publication, current -> current.published(done.remoteId(), done.url(), done.notes(),
                    clock.instant()));
            done.notes().forEach(progress::note);
            DailyCounters.add(analytics, clock, job.creatorId(), Metric.publishedTo(platform), 1);
            if (done.quotaUnits() > 0 && platform == Platform.YOUTUBE) { // the one platform with a unit quota
                DailyCounters.add(analytics, clock, job.creatorId(), Metric.QUOTA_UNITS_YOUTUBE, done.quotaUnits());
            }
        } catch (PlatformException refused) {
            if (!refused.retryable()) {
                throw new PermanentJobFailure(platform.slug() + " refused the clip: " + refused.getMessage());
            }
            if (refused.retryAfter().isPresent()) { // a rate limit or a daily quota: try when the platform said
                throw new RetryLater(refused.getMessage(), refused.retryAfter().get(), refused);
            }
            throw refused;
        } finally {
            Files.deleteIfExists(video);
        }
    }

    @Override
    public void gaveUp(Job job, String error) {
        Target target = Target.of(job);
        publications.find(job.creatorId(), target.clip(), target.platform())
                .filter(p -> !(p.state() instanceof PublicationState.Published))
                .ifPresent(p -> change(p, current -> current.failed(error, clock.instant())));
    }

    private static String description(Clip clip) {
        return clip.hookLine().isEmpty() ? clip.caption() : clip.hookLine() + "\n\n" + clip.caption();
    }

    private void change(Publication publication, UnaryOperator<Publication> change) {
        ReadModifyWrite.apply(() -> publications.find(publication.creatorId(), publication.clipId(),
                publication.platform()), change, publications::update);
    }
}
