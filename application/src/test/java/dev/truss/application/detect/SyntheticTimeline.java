package dev.truss.application.detect;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an {@link EngagementTimeline} with planted events: a quiet, still video (−30 dB,
 * motion 0.1) unless told that some seconds are loud (−14 dB) or moving (0.8), or that some
 * spans are silent (−60 dB for the seconds they fill wholly), with scene cuts of score 0.9.
 */
final class SyntheticTimeline {

    static final double QUIET_DB = -30;
    static final double LOUD_DB = -14;
    static final double SILENT_DB = -60;
    static final double STILL = 0.1;
    static final double MOVING = 0.8;

    private final long durationMs;
    private final double[] loudness;
    private final double[] motion;
    private final List<TimeRange> silences = new ArrayList<>();
    private final List<SceneCut> cuts = new ArrayList<>();

    private SyntheticTimeline(long durationMs) {
        this.durationMs = durationMs;
        int seconds = (int) ((durationMs + 999) / 1000);
        loudness = new double[seconds];
        motion = new double[seconds];
        Arrays.fill(loudness, QUIET_DB);
        Arrays.fill(motion, STILL);
    }

    static SyntheticTimeline lasting(long durationMs) {
        return new SyntheticTimeline(durationMs);
    }

    /** Seconds {@code from} to {@code to − 1} are loud. */
    SyntheticTimeline loud(int from, int to) {
        Arrays.fill(loudness, from, to, LOUD_DB);
        return this;
    }

    /** Seconds {@code from} to {@code to − 1} are full of motion. */
    SyntheticTimeline moving(int from, int to) {
        Arrays.fill(motion, from, to, MOVING);
        return this;
    }

    SyntheticTimeline silence(long startMs, long endMs) {
        silences.add(new TimeRange(startMs, endMs));
        for (long second = (startMs + 999) / 1000; (second + 1) * 1000 <= endMs; second++) {
            loudness[(int) second] = SILENT_DB;
        }
        return this;
    }

    SyntheticTimeline cuts(long... atMs) {
        Arrays.stream(atMs).forEach(at -> cuts.add(new SceneCut(at, 0.9)));
        return this;
    }

    EngagementTimeline build() {
        return new EngagementTimeline(durationMs, Arrays.stream(loudness).boxed().toList(), silences, cuts,
                Arrays.stream(motion).boxed().toList());
    }
}
