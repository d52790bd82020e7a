package dev.truss.application.publishing;

import dev.truss.application.common.Outcome;
import dev.truss.application.job.SubmitJob;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.PublicationStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.Publication;
import dev.truss.domain.platform.PublicationState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes a rendered clip to the chosen platforms, each in a background job. The publication
 * record is written before anything is posted, one per (clip, platform): asking again returns
 * it rather than posting twice; only a failed publication is tried again.
 */
public final class PublishClip {

    public record Command(CreatorId creator, ClipId clip, Set<Platform> platforms) {
        public Command {
            Objects.requireNonNull(creator, "creator");
            Objects.requireNonNull(clip, "clip");
            if (platforms == null || platforms.isEmpty()) {
                throw new dev.truss.domain.InvalidValueException("choose at least one platform to publish to");
            }
            platforms = Set.copyOf(platforms);
        }
    }

    public record Queued(Publication publication, Optional<Job> job) {
    }

    private final ClipStore clips;
    private final PlatformConnectionStore connections;
    private final PublicationStore publications;
    private final SubmitJob submit;
    private final Clock clock;
    private final Set<Platform> publishable;

    /** {@code publishable}: the platforms this server can post clips to (it has their publishers). */
    public PublishClip(ClipStore clips, PlatformConnectionStore connections, PublicationStore publications,
                       SubmitJob submit, Clock clock, Set<Platform> publishable) {
        this.clips = clips;
        this.connections = connections;
        this.publications = publications;
        this.submit = submit;
        this.clock = clock;
        this.publishable = Set.copyOf(publishable);
    }

    public Outcome<List<Queued>> execute(Command command) {
        Optional<Clip> clip = clips.find(command.creator(), command.clip());
        if (clip.isEmpty()) {
            return Outcome.notFound("no clip " + command.clip());
        }
        if (!(clip.get().render() instanceof RenderState.Rendered)) {
            return Outcome.rejected("render the clip before publishing it");
        }
        if (command.platforms().contains(Platform.TWITCH) && !publishable.contains(Platform.TWITCH)) {
            return Outcome.rejected("Twitch takes no uploads: Truss makes Twitch clips from your live streams when"
                    + " their chat spikes");
        }
        Set<Platform> unpublishable = EnumSet.copyOf(command.platforms());
        unpublishable.removeAll(publishable);
        if (!unpublishable.isEmpty()) {
            return Outcome.rejected("this server does not publish to " + unpublishable.stream().map(Platform::slug)
                    .toList());
        }
        Set<Platform> unconnected = EnumSet.noneOf(Platform.class);
        command.platforms().stream().filter(p -> connections.find(command.creator(), p).isEmpty())
                .forEach(unconnected::add);
        if (!unconnected.isEmpty()) {
            return Outcome.rejected("connect " + unconnected.stream().map(Platform::slug).toList()
                    + " first, then publish");
        }
        List<Queued> queued = new ArrayList<>();
        for (Platform platform : EnumSet.copyOf(command.platforms())) {
            Publication publication = publication(command.creator(), command.clip(), platform);
            Optional<Job> job = publication.state() instanceof PublicationState.Pending
                    || publication.state() instanceof PublicationState.Uploading
                    ? Optional.of(submit.submit(command.creator(), JobKind.PUBLISH_CLIP,
                            PublishClipJob.subject(command.clip(), platform), "attempt" + publication.attempts(),
                            publication.createdAt()))
                    : Optional.empty();
            queued.add(new Queued(publication, job));
        }
        return Outcome.ok(queued);
    }

    /** The one publication of this clip on this platform: made now, found, or a failed one made pending again. */
    private Publication publication(CreatorId creator, ClipId clip, Platform platform) {
        WriteResult<Publication> created = publications.create(Publication.pending(creator, clip, platform,
                clock.instant()));
        if (created instanceof WriteResult.Written<Publication> written) {
            return written.value();
        }
        Publication existing = ((WriteResult.AlreadyExists<Publication>) created).existing();
        if (existing.state() instanceof PublicationState.Failed
                && publications.update(existing.retried(clock.instant())) instanceof WriteResult.Written<Publication> w) {
            return w.value();
        }
        return existing;
    }
}
