package dev.truss.application.publishing;

import dev.truss.application.common.DailyCounters;
import dev.truss.application.common.ReadModifyWrite;
import dev.truss.application.job.JobHandler;
import dev.truss.application.job.JobProgress;
import dev.truss.application.job.PermanentJobFailure;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Publisher;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.PublicationStore;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import dev.truss.domain.platform.Publication;
import dev.truss.domain.platform.PublicationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Posts one clip to one platform. Before bytes flow, the platform's upload handle is stored
 * on the publication; a retry after a crash hands it back to the publisher, which resumes or
 * confirms that upload, so a clip is never posted twice.
 */
public final class PublishClipJob implements JobHandler {

    private final PublicationStore publications;
    private final ClipStore clips;
    private final PlatformConnectionStore connections;
    private final ObjectStorage storage;
    private final SecretSealer sealer;
    private final Map<Platform, Publisher> publishers;
    private final Map<Platform, PlatformAuthorizer> authorizers;
    private final AnalyticsStore analytics;
    private final Clock clock;

    public PublishClipJob(PublicationStore publications, ClipStore clips, PlatformConnectionStore connections,
                          ObjectStorage storage, SecretSealer sealer, List<Publisher> publishers,
                          List<PlatformAuthorizer> authorizers, AnalyticsStore analytics, Clock clock) {
        this.publications = publications;
        this.clips = clips;
        this.connections = connections;
        this.storage = storage;
        this.sealer = sealer;
        this.publishers = publishers.stream().collect(Collectors.toUnmodifiableMap(Publisher::platform, p -> p));
        this.authorizers = authorizers.stream()
                .collect(Collectors.toUnmodifiableMap(PlatformAuthorizer::platform, a -> a));
        this.analytics = analytics;
        this.clock = clock;
    }

    /** Tokens expiring sooner than this are refreshed before an upload starts. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
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
                ? Optional.of(uploading.resumeToken()) : Optional.empty();
        Path video = Files.createTempFile("truss-publish-", ".mp4");
        try {
            progress.report("downloading", 5);
            storage.download(rendered.videoKey(), video);
            progress.report("uploading to " + platform.slug(), 20);
            Publisher.Request request = new Publisher.Request(clip, video, clip.title(), description(clip),
                    tokens(job.creatorId(), platform, false).access(), resume,
                    storage.presignDownload(rendered.videoKey(), DOWNLOAD_LINK_VALIDITY));
            AtomicReference<String> latestToken = new AtomicReference<>(resume.orElse(null));
            Consumer<String> onResumeToken = token -> {
                change(publication, current -> current.uploading(token, clock.instant()));
                latestToken.set(token);
            };
            Publisher.Posted posted;
            try {
                posted = publisher.publish(request, onResumeToken);
            } catch (PlatformException rejected) {
                if (rejected.failure() != PlatformException.Failure.TOKEN_REJECTED) {
                    throw rejected;
                }
                // The platform refused a token we thought valid (revoked keys, clock skew): refresh once, try once more.
                AccessToken fresh = tokens(job.creatorId(), platform, true).access();
                Publisher.Request again = request.withToken(fresh);
                try {
                    posted = publisher.publish(latestToken.get() == null ? again
                            : again.withResumeToken(latestToken.get()), onResumeToken);
                } catch (PlatformException stillRejected) {
                    if (stillRejected.failure() == PlatformException.Failure.TOKEN_REJECTED) {
                        throw new PermanentJobFailure(platform.slug() + " rejected Truss's authorisation even after"
                                + " refreshing it (" + stillRejected.getMessage() + "); connect " + platform.slug()
                                + " again");
                    }
                    throw stillRejected;
                }
            }
            Publisher.Posted done = posted;
            change(publication, current -> current.published(done.remoteId(), done.url(), clock.instant()));
            done.notes().forEach(progress::note);
            DailyCounters.add(analytics, clock, job.creatorId(), Metric.publishedTo(platform), 1);
            if (done.quotaUnits() > 0 && platform == Platform.YOUTUBE) { // the one platform with a unit quota
                DailyCounters.add(analytics, clock, job.creatorId(), Metric.QUOTA_UNITS_YOUTUBE, done.quotaUnits());
            }
        } catch (PlatformException refused) {
            if (!refused.retryable()) {
                throw new PermanentJobFailure(platform.slug() + " refused the clip: " + refused.getMessage());
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

    /**
     * The connection's tokens, refreshed first when the access token expires within
     * {@link #REFRESH_MARGIN} (an upload can take minutes), or when {@code force}d after the
     * platform rejected the access token.
     */
    private PlatformTokens tokens(CreatorId creator, Platform platform, boolean force) throws PermanentJobFailure {
        PlatformConnection connection = connections.find(creator, platform)
                .filter(c -> c.tokens().isPresent())
                .orElseThrow(() -> new PermanentJobFailure(platform.slug() + " was disconnected; connect it again"));
        PlatformTokens tokens = PlatformTokens.unseal(connection.tokens().get(), sealer);
        if (!force && !connection.isExpiredAt(clock.instant().plus(REFRESH_MARGIN))) {
            return tokens;
        }
        PlatformAuthorizer authorizer = authorizers.get(platform);
        if (authorizer == null || tokens.refresh().isEmpty()) {
            throw new PermanentJobFailure("the " + platform.slug() + " authorisation "
                    + (force ? "was refused" : "expired") + "; connect it again");
        }
        OAuthGrant grant;
        try {
            grant = authorizer.refresh(tokens.refresh().get());
        } catch (PlatformException refused) {
            if (refused.retryable()) {
                throw refused;
            }
            throw new PermanentJobFailure(platform.slug() + " no longer accepts Truss's authorisation ("
                    + refused.getMessage() + "); connect it again");
        }
        PlatformTokens fresh = new PlatformTokens(grant.accessToken(), grant.refreshToken().or(tokens::refresh));
        connections.save(new PlatformConnection(creator, platform, connection.accountId(), connection.accountName(),
                grant.scopes().isEmpty() ? connection.scopes() : grant.scopes(), grant.expiresAt(),
                connection.connectedAt(), Optional.of(fresh.seal(sealer))));
        return fresh;
    }

    private static String description(Clip clip) {
        return clip.hookLine().isEmpty() ? clip.caption() : clip.hookLine() + "\n\n" + clip.caption();
    }

    private void change(Publication publication, UnaryOperator<Publication> change) {
        ReadModifyWrite.apply(() -> publications.find(publication.creatorId(), publication.clipId(),
                publication.platform()), change, publications::update);
    }
}
