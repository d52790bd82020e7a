package dev.truss.application.clip;

import dev.truss.application.common.Outcome;
import dev.truss.application.job.SubmitJob;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.JobStore;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import java.time.Clock;
import java.util.Optional;

/**
 * Queues the rendering of a clip. Asking twice for the same version of a clip gives the same
 * job; asking for a clip that is rendering already gives the job that is rendering it.
 */
public final class RenderClip {

    private final ClipStore clips;
    private final JobStore jobs;
    private final SubmitJob submit;
    private final Clock clock;

    public RenderClip(ClipStore clips, JobStore jobs, SubmitJob submit, Clock clock) {
        this.clips = clips;
        this.jobs = jobs;
        this.submit = submit;
        this.clock = clock;
    }

    public Outcome<Job> execute(CreatorId creator, ClipId clipId) {
        Optional<Clip> found = clips.find(creator, clipId);
        if (found.isEmpty()) {
            return Outcome.notFound("no clip " + clipId);
        }
        Clip clip = found.get();
        if (clip.render() instanceof RenderState.Rendering rendering) {
            Optional<Job> running = jobs.find(creator, rendering.job());
            if (running.isPresent() && !running.get().state().isFinished()) {
                return Outcome.ok(running.get());
            }
        }
        // The job id comes from the clip and its version (not the clock): a double click queues one render.
        Job job = submit.submit(creator, JobKind.RENDER_CLIP, clip.id().value(), "v" + clip.version(),
                clip.createdAt().plusMillis(clip.version()));
        if (!(clip.render() instanceof RenderState.Rendering queued && queued.job().equals(job.id()))) {
            clips.update(clip.renderQueued(job.id())); // a lost race here only loses the "rendering" badge
        }
        return Outcome.ok(job);
    }
}
