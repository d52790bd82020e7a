package dev.truss.application.fake;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * A local detector that proposes every window and leaves the judging to the signals, as the
 * fallback without an AI model would; it reads only the request's timeline, never the file.
 * For each window length (20 s and 30 s by default) it proposes a window every step (5 s),
 * from 0 while the window fits, titled "Moment at 0:40" with no hook line, caption or AI
 * judgement; a video shorter than every window gets one moment covering it. Chapters are cut
 * at the timeline's scene cuts ("Part 2 (1:05)"), so they cover the video without gaps or
 * overlaps, and there is at least one. Deterministic. Throws {@link MediaException} only when
 * {@link #failNext} asked it to. Thread-safe.
 */
public final class FakeMomentDetector implements MomentDetector {

    public static final List<Duration> DEFAULT_LENGTHS = List.of(Duration.ofSeconds(20), Duration.ofSeconds(30));
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(5);

    private final List<Long> lengthsMs;
    private final long stepMs;
    private final FailureInjection failures = new FailureInjection();

    /** Windows of 20 s and 30 s, every 5 s. */
    public FakeMomentDetector() {
        this(DEFAULT_LENGTHS, DEFAULT_STEP);
    }

    public FakeMomentDetector(List<Duration> windowLengths, Duration step) {
        lengthsMs = windowLengths.stream().map(Duration::toMillis).sorted().toList();
        stepMs = Objects.requireNonNull(step, "step").toMillis();
        if (lengthsMs.isEmpty() || lengthsMs.get(0) <= 0 || stepMs <= 0) {
            throw new IllegalArgumentException("windows need at least one positive length and a positive step");
        }
    }

    /** The next {@code count} detections throw {@link MediaException} after reporting 0 %; later ones work. */
    public void failNext(int count) {
        failures.failNext(count);
    }

    /** Every call to {@link #detect}, failed ones included. */
    public int attempts() {
        return failures.attempts();
    }

    @Override
    public Detection detect(Request request, IntConsumer percentDone) {
        boolean fail = failures.nextCallFails();
        percentDone.accept(0);
        if (fail) {
            throw new MediaException("the detector failed (injected by the test)");
        }
        EngagementTimeline timeline = request.timeline();
        long duration = timeline.durationMs();
        List<Moment> moments = new ArrayList<>();
        for (long length : lengthsMs) {
            for (long start = 0; start + length <= duration; start += stepMs) {
                moments.add(moment(new TimeRange(start, start + length)));
            }
        }
        if (moments.isEmpty()) {
            moments.add(moment(new TimeRange(0, duration)));
        }
        percentDone.accept(50);
        List<Chapter> chapters = chapters(timeline);
        percentDone.accept(100);
        return new Detection(moments, chapters, List.of("local detector: " + moments.size() + " windows of "
                + lengthsMs.stream().map(ms -> ms / 1000.0 + " s").toList() + " every " + stepMs / 1000.0
                + " s; " + chapters.size() + " chapters from " + timeline.sceneCuts().size() + " scene cuts"));
    }

    private static Moment moment(TimeRange range) {
        return new Moment(range, "Moment at " + clock(range.startMs()), "", "", OptionalDouble.empty(),
                OptionalDouble.empty(), "a " + range.durationMs() / 1000.0 + " s window of the local detector");
    }

    private static List<Chapter> chapters(EngagementTimeline timeline) {
        TreeSet<Long> starts = new TreeSet<>();
        starts.add(0L);
        timeline.sceneCuts().stream().map(SceneCut::atMs).forEach(starts::add);
        List<Long> bounds = new ArrayList<>(starts);
        bounds.add(timeline.durationMs());
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            chapters.add(new Chapter(new TimeRange(bounds.get(i), bounds.get(i + 1)),
                    "Part " + (i + 1) + " (" + clock(bounds.get(i)) + ")", ""));
        }
        return chapters;
    }

    /** {@code 0:40}, {@code 12:05}, {@code 1:02:05}. */
    static String clock(long ms) {
        long seconds = ms / 1000;
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
