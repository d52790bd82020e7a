package dev.truss.application.publishing;

import dev.truss.application.common.DailyCounters;
import dev.truss.application.common.ReadModifyWrite;
import dev.truss.application.job.JobHandler;
import dev.truss.application.job.JobProgress;
import dev.truss.application.job.PermanentJobFailure;
import dev.truss.application.job.RetryLater;
import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.platform.Publisher;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Asks the live platform to clip the broadcast at a spike. The platform's clip id is stored the
 * moment it is known; a retry after a crash then waits for that clip instead of cutting another.
 */
public final class ClipLiveSpikeJob implements JobHandler {

    private final StreamStore streams;
    private final Map<Platform, LiveClipper> clippers;
    private final ConnectionTokens tokens;
    private final AnalyticsStore analytics;
    private final Clock clock;

    public ClipLiveSpikeJob(StreamStore streams, PlatformConnectionStore connections, SecretSealer sealer,
                            List<LiveClipper> clippers, List<PlatformAuthorizer> authorizers, AnalyticsStore analytics,
                            Clock clock) {
        this.streams = streams;
        this.clippers = Platforms.byPlatform(clippers, LiveClipper::platform);
        this.tokens = new ConnectionTokens(connections, authorizers, sealer, clock);
        this.analytics = analytics;
        this.clock = clock;
    }

    /** The job's subject: the stream and the spike's start. */
    static String subject(LiveClip clip) {
        return clip.streamId() + "@" + clip.spikeStart();
    }

    private record Target(StreamId stream, Instant spikeStart) {
        static Target of(Job job) {
            int at = job.subject().indexOf('@');
            return new Target(StreamId.parse(job.subject().substring(0, at)),
                    Instant.parse(job.subject().substring(at + 1)));
        }
    }

    @Override
    public JobKind kind() {
        return JobKind.CLIP_LIVE_SPIKE;
    }

    @Override
    public void run(Job job, JobProgress progress) throws Exception {
        Target target = Target.of(job);
        CreatorId creator = job.creatorId();
        LiveClip clip = streams.findLiveClip(creator, target.stream(), target.spikeStart())
                .orElseThrow(() -> new PermanentJobFailure("the live clip record is gone"));
        if (clip.isFinished()) {
            return; // a duplicate delivery of finished work
        }
        Platform platform = clip.platform();
        Stream stream = streams.find(creator, target.stream())
                .orElseThrow(() -> new PermanentJobFailure("the stream was deleted"));
        LiveClipper clipper = Optional.ofNullable(clippers.get(platform))
                .orElseThrow(() -> new PermanentJobFailure(platform.slug() + " is not configured on this server"));
        String broadcaster = tokens.connection(creator, platform).accountId();
        AtomicReference<Optional<String>> pending = new AtomicReference<>(
                clip.state() instanceof LiveClip.State.Creating creating ? Optional.of(creating.clipId())
                        : Optional.empty());
        progress.report("asking " + platform.slug() + " for a clip", 10);
        try {
            Publisher.Posted made = tokens.call(creator, platform, token -> clipper.clip(
                    new LiveClipper.Request(broadcaster, token, stream.title(), pending.get()), id -> {
                        change(clip, current -> current.creating(id, clock.instant()));
                        pending.set(Optional.of(id));
                    }));
            change(clip, current -> current.created(made.remoteId(), made.url(), clock.instant()));
            made.notes().forEach(progress::note);
            DailyCounters.add(analytics, clock, creator, Metric.LIVE_CLIPS, 1);
        } catch (PlatformException refused) {
            if (!refused.retryable()) {
                throw new PermanentJobFailure(platform.slug() + " did not clip the broadcast: " + refused.getMessage());
            }
            if (refused.retryAfter().isPresent()) { // a rate limit or a daily quota: try when the platform said
                throw new RetryLater(refused.getMessage(), refused.retryAfter().get(), refused);
            }
            throw refused;
        }
    }

    @Override
    public void gaveUp(Job job, String error) {
        Target target = Target.of(job);
        streams.findLiveClip(job.creatorId(), target.stream(), target.spikeStart()).filter(c -> !c.isFinished())
                .ifPresent(clip -> change(clip, current -> current.isFinished() ? current
                        : current.failed(error, clock.instant())));
    }

    private void change(LiveClip clip, UnaryOperator<LiveClip> change) {
        ReadModifyWrite.apply(() -> streams.findLiveClip(clip.creatorId(), clip.streamId(), clip.spikeStart()), change,
                streams::updateLiveClip);
    }
}
