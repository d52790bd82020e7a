package dev.truss.adapters.media;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the measurements of one FFmpeg pass into an {@link EngagementTimeline} of
 * {@code durationMs}: one loudness and one motion sample for each started second, and
 * silences and scene cuts clipped to the video. Whatever lies at or after the end (an audio
 * track that runs on, a frame past the probed duration) is dropped; a second nothing was
 * measured in reads as the loudness floor and no motion.
 *
 * <ul>
 *   <li>Loudness: each second's blocks (100 ms RMS levels) are averaged as energy, not as dB,
 *       so one loud block counts as loud; the result is floored at {@code floorDb}, which also
 *       stands for digital silence (−∞ dB).</li>
 *   <li>Motion: each frame's mean absolute difference to the frame before (percent of full
 *       scale) is scaled to the difference over 1/30 s, so the figure does not depend on the
 *       frame rate, then averaged over the second and divided by {@code motionFullScale}
 *       (capped at 1). Frames that are scene cuts are left out: a cut is not motion, and it is
 *       counted on its own.</li>
 *   <li>Silences: a start without an end lasts to the end of the video.</li>
 * </ul>
 * Not thread-safe: one builder per extraction.
 */
final class TimelineBuilder {

    /** Frame differences are compared as over this interval, whatever the frame rate. */
    private static final double REFERENCE_INTERVAL_SECONDS = 1.0 / 30;

    private final long durationMs;
    private final double floorDb;
    private final double motionFullScale;
    private final double[] energySum;
    private final int[] energyBlocks;
    private final double[] motionSum;
    private final int[] motionFrames;
    private final List<TimeRange> silences = new ArrayList<>();
    private final List<SceneCut> cuts = new ArrayList<>();
    private double silenceStart = Double.NaN;
    private double previousFrame = Double.NaN;

    /**
     * @param floorDb         the lowest loudness reported, in dB (digital silence reads as this)
     * @param motionFullScale the mean frame difference per 1/30 s, in percent of full scale, that is
     *                        motion 1.0
     */
    TimelineBuilder(long durationMs, double floorDb, double motionFullScale) {
        if (durationMs <= 0) {
            throw new IllegalArgumentException("a video lasts longer than 0 ms, got " + durationMs);
        }
        this.durationMs = durationMs;
        this.floorDb = floorDb;
        this.motionFullScale = motionFullScale;
        int seconds = (int) ((durationMs + 999) / 1000);
        energySum = new double[seconds];
        energyBlocks = new int[seconds];
        motionSum = new double[seconds];
        motionFrames = new int[seconds];
    }

    /** An audio block starting at {@code ptsSeconds} with RMS level {@code rmsDb} (−∞ for digital silence). */
    void loudnessBlock(double ptsSeconds, double rmsDb) {
        int second = secondOf(ptsSeconds);
        if (second < 0 || Double.isNaN(rmsDb)) {
            return;
        }
        energySum[second] += rmsDb == Double.NEGATIVE_INFINITY ? 0 : Math.pow(10, rmsDb / 10);
        energyBlocks[second]++;
    }

    /**
     * A video frame at {@code ptsSeconds}: its mean absolute difference to the previous frame in
     * percent of full scale, and whether the scene-cut detector flagged it.
     */
    void videoFrame(double ptsSeconds, double differencePercent, boolean sceneCut, double cutScorePercent) {
        double interval = ptsSeconds - previousFrame;
        previousFrame = ptsSeconds;
        int second = secondOf(ptsSeconds);
        if (second < 0 || Double.isNaN(differencePercent)) {
            return;
        }
        if (sceneCut) {
            if (ptsSeconds > 0) {
                cuts.add(new SceneCut(Math.min(durationMs - 1, Math.round(ptsSeconds * 1000)), Math.max(0, Math.min(1, cutScorePercent / 100))));
            }
            return;
        }
        // The first frame has nothing before it; a stalled timestamp must not divide by zero.
        double seconds = Double.isFinite(interval) && interval > 0 ? Math.min(1, Math.max(1.0 / 240, interval))
                : REFERENCE_INTERVAL_SECONDS;
        motionSum[second] += differencePercent * REFERENCE_INTERVAL_SECONDS / seconds;
        motionFrames[second]++;
    }

    void silenceStarts(double seconds) {
        if (Double.isNaN(silenceStart)) {
            silenceStart = seconds;
        }
    }

    void silenceEnds(double seconds) {
        if (!Double.isNaN(silenceStart)) {
            addSilence(silenceStart, seconds);
            silenceStart = Double.NaN;
        }
    }

    /** No sound at all: the whole video is one silence, and every second reads the floor. */
    void noAudio() {
        silenceStart = Double.NaN;
        silences.clear();
        addSilence(0, durationMs / 1000.0);
    }

    EngagementTimeline build() {
        if (!Double.isNaN(silenceStart)) {
            addSilence(silenceStart, durationMs / 1000.0);
            silenceStart = Double.NaN;
        }
        List<Double> loudness = new ArrayList<>(energySum.length);
        List<Double> motion = new ArrayList<>(motionSum.length);
        for (int second = 0; second < energySum.length; second++) {
            double db = energyBlocks[second] == 0 || energySum[second] <= 0 ? floorDb
                    : 10 * Math.log10(energySum[second] / energyBlocks[second]);
            loudness.add(Math.max(floorDb, db));
            double meanDifference = motionFrames[second] == 0 ? 0 : motionSum[second] / motionFrames[second];
            motion.add(Math.max(0, Math.min(1, meanDifference / motionFullScale)));
        }
        return new EngagementTimeline(durationMs, loudness, silences, cuts, motion);
    }

    private void addSilence(double startSeconds, double endSeconds) {
        long start = Math.max(0, Math.round(startSeconds * 1000));
        long end = Math.min(durationMs, Math.round(endSeconds * 1000));
        if (end > start) {
            silences.add(new TimeRange(start, end));
        }
    }

    /** The second {@code ptsSeconds} falls in, or −1 when it is before 0 or at/after the end. */
    private int secondOf(double ptsSeconds) {
        if (!(ptsSeconds >= 0) || ptsSeconds * 1000 >= durationMs) {
            return -1;
        }
        return Math.min(energySum.length - 1, (int) Math.floor(ptsSeconds));
    }
}
