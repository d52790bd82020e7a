package dev.truss.adapters.media;

import java.util.OptionalDouble;

/**
 * Where a clip moves, column by column: the frame differences of a tiny grayscale copy of the clip
 * (ffmpeg's {@code tblend=all_mode=difference} at {@link #SAMPLES_PER_SECOND} frames a second,
 * {@link #COLUMNS}×{@link #ROWS} pixels), summed down each column. Differences at or below
 * {@link #NOISE} count as compression noise, not motion.
 */
final class FramingActivity {

    static final int COLUMNS = 64;
    static final int ROWS = 36;
    static final int SAMPLES_PER_SECOND = 5;
    static final int NOISE = 8;

    private final double[][] energy;
    private final double samplesPerSecond;

    private FramingActivity(double[][] energy, double samplesPerSecond) {
        this.energy = energy;
        this.samplesPerSecond = samplesPerSecond;
    }

    /** Reads raw 8-bit difference frames, {@code columns × rows} bytes each; a trailing partial frame is ignored. */
    static FramingActivity fromDifferenceFrames(byte[] raw, int columns, int rows, double samplesPerSecond) {
        int frameSize = columns * rows;
        int frames = raw.length / frameSize;
        double[][] energy = new double[frames][columns];
        for (int frame = 0; frame < frames; frame++) {
            int base = frame * frameSize;
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    int value = (raw[base + row * columns + column] & 0xff) - NOISE;
                    if (value > 0) {
                        energy[frame][column] += value;
                    }
                }
            }
        }
        return new FramingActivity(energy, samplesPerSecond);
    }

    int samples() {
        return energy.length;
    }

    int columns() {
        return energy.length == 0 ? COLUMNS : energy[0].length;
    }

    /** The clip time of sample {@code index}, in seconds. */
    double seconds(int index) {
        return index / samplesPerSecond;
    }

    /** The energy of each column in sample {@code index} (a copy). */
    double[] columnEnergy(int index) {
        return energy[index].clone();
    }

    double total(int index) {
        double sum = 0;
        for (double value : energy[index]) {
            sum += value;
        }
        return sum;
    }

    /** The middle of the clip's second with the most motion, in clip seconds; empty when nothing moves. */
    OptionalDouble mostActiveSecond(double clipSeconds) {
        int seconds = (int) Math.ceil(clipSeconds);
        double[] perSecond = new double[Math.max(1, seconds)];
        for (int index = 0; index < energy.length; index++) {
            int second = Math.min(perSecond.length - 1, (int) Math.floor(seconds(index)));
            perSecond[second] += total(index);
        }
        int best = 0;
        for (int second = 1; second < perSecond.length; second++) {
            if (perSecond[second] > perSecond[best]) {
                best = second;
            }
        }
        if (perSecond[best] <= 0) {
            return OptionalDouble.empty();
        }
        // a partial last second: stay a little before the clip's end
        return OptionalDouble.of(Math.min(best + 0.5, Math.max(0, clipSeconds - 0.1)));
    }
}
