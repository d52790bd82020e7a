package dev.truss.application.fake;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Stands in for an AI detector (the Gemini adapter) where a test needs what only a model gives:
 * a timed transcript and the tokens it cost. Moments and chapters are a {@link FakeMomentDetector}'s;
 * the transcript is a segment every 4 s, 3.5 s long, saying {@code "Said at 0:04"}; the usage is
 * 1,000 input tokens a minute of video and 200 output tokens, in one request; the detection is
 * named after the model. {@link #fallBackNext} makes the next detection what a model adapter
 * returns when the model's output stayed unparseable: the local moments, no transcript, the
 * tokens spent, named {@value MomentDetector#LOCAL}, with {@link #FALLBACK_NOTE} first. Every
 * request is kept ({@link #requests}). Thread-safe.
 */
public final class FakeAiDetector implements MomentDetector {

    public static final String MODEL = "fake-model-1";
    public static final String FALLBACK_NOTE = "the model's output was unparseable twice; the local detector ran";

    private final FakeMomentDetector moments = new FakeMomentDetector();
    private final FailureInjection failures = new FailureInjection();
    private final List<Request> requests = new ArrayList<>();
    private int fallbacks;
    private int transcriptSegments = -1;
    private List<Chapter> chapters;

    /** The next {@code count} detections fall back to the local detector, saying so. */
    public synchronized void fallBackNext(int count) {
        fallbacks = count;
    }

    /** The next detections' transcripts have {@code count} segments (one every 4 s), whatever the video's length. */
    public synchronized void transcriptOf(int count) {
        transcriptSegments = count;
    }

    /** The next detections propose these chapters instead of the local ones. */
    public synchronized void chaptersOf(List<Chapter> proposed) {
        chapters = List.copyOf(proposed);
    }

    /** The next {@code count} detections throw {@link MediaException}. */
    public void failNext(int count) {
        failures.failNext(count);
    }

    /** Every request, failed ones included, oldest first. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Detection detect(Request request, IntConsumer percentDone) {
        boolean fallBack;
        int segments;
        List<Chapter> proposed;
        synchronized (this) {
            proposed = chapters;
            requests.add(Objects.requireNonNull(request, "request"));
            fallBack = fallbacks > 0;
            fallbacks = Math.max(0, fallbacks - 1);
            segments = transcriptSegments;
        }
        if (failures.nextCallFails()) {
            percentDone.accept(0);
            throw new MediaException("the model did not answer (injected by the test)");
        }
        Detection local = moments.detect(request, percentDone);
        long durationMs = request.timeline().durationMs();
        ModelUsage usage = new ModelUsage(MODEL, Math.max(1, durationMs / 60_000) * 1_000, 200, 1);
        if (fallBack) {
            List<String> notes = new ArrayList<>(local.notes());
            notes.add(0, FALLBACK_NOTE);
            return new Detection(local.moments(), local.chapters(), List.of(), notes, Optional.of(usage), LOCAL);
        }
        return new Detection(local.moments(), proposed == null ? local.chapters() : proposed,
                transcript(durationMs, segments),
                List.of(MODEL + ": proposed " + local.moments().size() + " moments"), Optional.of(usage), MODEL);
    }

    private static List<TranscriptSegment> transcript(long durationMs, int count) {
        List<TranscriptSegment> segments = new ArrayList<>();
        for (long start = 0; count < 0 ? start + 3_500 <= durationMs : segments.size() < count; start += 4_000) {
            segments.add(new TranscriptSegment(new TimeRange(start, start + 3_500),
                    "Said at " + FakeMomentDetector.clock(start)));
        }
        return segments;
    }
}
