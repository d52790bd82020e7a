package dev.truss.domain.job;

import dev.truss.domain.IllegalTransitionException;
import dev.truss.domain.InvalidValueException;
import dev.truss.domain.Text;
import dev.truss.domain.Versioned;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of background work a client can poll: what it is about ({@code subject}, e.g. an
 * asset id), where it stands (state, a stage name, progress 0–100), how often it was tried,
 * why it last failed, and what the work wants its pollers to know besides ({@code notes}: a
 * fallback it took, something it repaired), for the attempt that ran last.
 */
public record Job(
        JobId id,
        CreatorId creatorId,
        JobKind kind,
        String subject,
        JobState state,
        String stage,
        int progress,
        int attempts,
        int maxAttempts,
        Optional<String> lastError,
        List<String> notes,
        Instant createdAt,
        Instant updatedAt,
        long version) implements Versioned<Job> {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** A job keeps its first notes only, so a chatty handler cannot grow the stored job without bound. */
    public static final int MAX_NOTES = 10;
    /** Longer notes are cut, ending in an ellipsis. */
    public static final int MAX_NOTE_LENGTH = 500;

    public Job {
        Objects.requireNonNull(id, "job id");
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "last error");
        notes = List.copyOf(notes);
        if (notes.size() > MAX_NOTES) {
            throw new InvalidValueException("a job keeps at most " + MAX_NOTES + " notes, got " + notes.size());
        }
        notes.forEach(note -> Text.required("note", note, MAX_NOTE_LENGTH));
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(updatedAt, "updated at");
        subject = Text.required("job subject", subject, 200);
        stage = Text.optional("stage", stage, 100);
        if (progress < 0 || progress > 100) {
            throw new InvalidValueException("progress is within 0–100, got " + progress);
        }
        if (maxAttempts < 1 || attempts < 0 || attempts > maxAttempts) {
            throw new InvalidValueException("attempts must lie within 0–" + maxAttempts + ", got " + attempts);
        }
    }

    public static Job queued(JobId id, CreatorId creator, JobKind kind, String subject, Instant at) {
        return new Job(id, creator, kind, subject, JobState.QUEUED, "queued", 0, 0, DEFAULT_MAX_ATTEMPTS,
                Optional.empty(), List.of(), at, at, 0);
    }

    /** A worker takes the job: one more attempt, which starts without the notes of the one before. */
    public Job started(Instant at) {
        require(JobState.QUEUED, JobState.RUNNING);
        return new Job(id, creatorId, kind, subject, JobState.RUNNING, "started", 0, attempts + 1, maxAttempts,
                lastError, List.of(), createdAt, at, version);
    }

    /**
     * A worker takes over a job whose previous worker stopped reporting (it crashed, or lost
     * its lease): that counts as a failed attempt, and the job starts again if attempts remain.
     */
    public Job takenOver(Instant at) {
        require(JobState.RUNNING, JobState.RUNNING);
        if (attempts >= maxAttempts) {
            return failedPermanently("the worker running this job stopped " + attempts + " times", at);
        }
        return new Job(id, creatorId, kind, subject, JobState.RUNNING, "restarted", 0, attempts + 1, maxAttempts,
                Optional.of("the previous worker stopped before finishing"), List.of(), createdAt, at, version);
    }

    /** Progress only moves forward, so a late report cannot make a job look as if it went back. */
    public Job progressed(String newStage, int percent, Instant at) {
        require(JobState.RUNNING, JobState.RUNNING);
        if (percent < 0 || percent > 100) {
            throw new InvalidValueException("progress is within 0–100, got " + percent);
        }
        return new Job(id, creatorId, kind, subject, state, newStage, Math.max(progress, percent), attempts,
                maxAttempts, lastError, notes, createdAt, at, version);
    }

    /**
     * The running work has something to say besides its progress (a fallback it took, something it
     * repaired): kept with the job for its pollers. A note already there is not added again (a
     * retried step says the same thing twice); beyond {@value #MAX_NOTES} notes, later ones are
     * dropped; a note longer than {@value #MAX_NOTE_LENGTH} characters is cut.
     */
    public Job noted(String note, Instant at) {
        require(JobState.RUNNING, JobState.RUNNING);
        String text = cut(Text.required("note", note, Integer.MAX_VALUE));
        if (notes.contains(text) || notes.size() >= MAX_NOTES) {
            return this;
        }
        List<String> more = new ArrayList<>(notes);
        more.add(text);
        return new Job(id, creatorId, kind, subject, state, stage, progress, attempts, maxAttempts, lastError, more,
                createdAt, at, version);
    }

    /** The worker is still on it: renews its lease without claiming progress. */
    public Job heartbeat(Instant at) {
        require(JobState.RUNNING, JobState.RUNNING);
        return new Job(id, creatorId, kind, subject, state, stage, progress, attempts, maxAttempts, lastError,
                notes, createdAt, at, version);
    }

    public Job succeeded(Instant at) {
        require(JobState.RUNNING, JobState.SUCCEEDED);
        return new Job(id, creatorId, kind, subject, JobState.SUCCEEDED, "done", 100, attempts, maxAttempts,
                lastError, notes, createdAt, at, version);
    }

    /** An attempt failed: back to the queue while attempts remain, else failed for good. */
    public Job attemptFailed(String error, Instant at) {
        JobState next = attempts < maxAttempts ? JobState.QUEUED : JobState.FAILED;
        require(JobState.RUNNING, next);
        return new Job(id, creatorId, kind, subject, next, next == JobState.QUEUED ? "waiting to retry" : "failed",
                progress, attempts, maxAttempts, Optional.of(Text.required("error", error, 2000)), notes, createdAt, at,
                version);
    }

    /** Fails at once, whatever attempts remain: for errors a retry cannot mend (a file that is not a video). */
    public Job failedPermanently(String error, Instant at) {
        require(JobState.RUNNING, JobState.FAILED);
        return new Job(id, creatorId, kind, subject, JobState.FAILED, "failed", progress, attempts, maxAttempts,
                Optional.of(Text.required("error", error, 2000)), notes, createdAt, at, version);
    }

    @Override
    public Job withVersion(long newVersion) {
        return new Job(id, creatorId, kind, subject, state, stage, progress, attempts, maxAttempts, lastError,
                notes, createdAt, updatedAt, newVersion);
    }

    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_NOTE_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_NOTE_LENGTH - 1)).strip() + "…";
    }

    private void require(JobState expected, JobState target) {
        if (state != expected) {
            throw new IllegalTransitionException("job " + id, state, target);
        }
    }
}
