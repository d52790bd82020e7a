package dev.truss.application.publishing;

import dev.truss.application.job.SubmitJob;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.application.stream.SpikeFollowUp;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns the chat spikes of a stream on a platform that clips live broadcasts (Twitch) into clips
 * there, as soon as a spike is seen running: a live clip covers the broadcast's last moments, and
 * chat runs a little behind the picture, so the moment that excited the chat is in it. For each
 * spike, one {@link LiveClip} record (so hearing of it again, while it runs or when it is
 * reported, asks nothing twice) and a job that asks the platform. Only when the creator connected
 * that platform, and only while the spike was hot within {@link #LIVE_WINDOW}: an older one is no
 * longer in the broadcast's reach.
 */
public final class LiveSpikeClips implements SpikeFollowUp {

    /** How long after a spike ended a clip of the broadcast still shows it. */
    public static final Duration LIVE_WINDOW = Duration.ofSeconds(60);

    private final StreamStore streams;
    private final PlatformConnectionStore connections;
    private final Map<Platform, LiveClipper> clippers;
    private final SubmitJob submit;
    private final Clock clock;

    public LiveSpikeClips(StreamStore streams, PlatformConnectionStore connections, List<LiveClipper> clippers,
                          SubmitJob submit, Clock clock) {
        this.streams = streams;
        this.connections = connections;
        this.clippers = Platforms.byPlatform(clippers, LiveClipper::platform);
        this.submit = submit;
        this.clock = clock;
    }

    @Override
    public void spiked(Stream stream, Instant start, Instant hotUntil) {
        if (!clippers.containsKey(stream.platform()) || hotUntil.isBefore(clock.instant().minus(LIVE_WINDOW))
                || connections.find(stream.creatorId(), stream.platform()).isEmpty()) {
            return;
        }
        WriteResult<LiveClip> made = streams.createLiveClip(LiveClip.requested(stream.creatorId(), stream.id(), start,
                stream.platform(), clock.instant()));
        if (made instanceof WriteResult.Written<LiveClip> written) { // the first word of this spike
            submit.submit(stream.creatorId(), JobKind.CLIP_LIVE_SPIKE, ClipLiveSpikeJob.subject(written.value()),
                    "live-clip", start);
        }
    }
}
