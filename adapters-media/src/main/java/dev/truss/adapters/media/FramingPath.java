package dev.truss.adapters.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a FOLLOW_ACTION crop stands during the clip: keyframes of its left edge as a fraction of
 * the room it has ({@code 0} the source's left edge, {@code 1} its right edge), linear in between.
 *
 * <p>From {@link FramingActivity}: each sample's target is the crop-wide window of columns with
 * the most motion (its energy's centroid, for sub-column precision); samples without motion, or
 * whose motion is spread over the picture rather than in one place, keep the last target. The target is smoothed exponentially ({@link #SMOOTHING_SECONDS}); the crop
 * starts moving only once the smoothed target leaves a dead zone ({@link #DEAD_ZONE} of the crop's
 * width) and then glides at most {@link #MAX_SPEED} crop widths a second until it is there. The
 * resulting positions are thinned to at most {@link #MAX_KEYFRAMES} keyframes (Ramer–Douglas–Peucker).
 */
record FramingPath(List<Keyframe> keyframes, double cropFraction, boolean motionFound) {

    static final double SMOOTHING_SECONDS = 0.4;
    static final double DEAD_ZONE = 0.12;
    static final double SETTLED = 0.02;
    static final double MAX_SPEED = 0.75;
    /** FFmpeg's expression parser refuses sums of ~100 terms; 60 keyframes is one a second of a minute's clip. */
    static final int MAX_KEYFRAMES = 60;
    /** A sample with less motion than this (summed differences above the noise) holds the crop where it is. */
    static final double MIN_MOTION_PER_PIXEL = 0.5;
    /**
     * So does a sample whose motion is spread out (a pan, rain, confetti): the best window must
     * hold this many times its share of the motion to count as where the action is.
     */
    static final double CONCENTRATION = 1.5;

    /** A position ({@code 0–1} of the free width) at a time of the clip (seconds from its start). */
    record Keyframe(double seconds, double position) {
    }

    FramingPath {
        keyframes = List.copyOf(keyframes);
        if (keyframes.isEmpty()) {
            throw new IllegalArgumentException("a framing path has at least one keyframe");
        }
    }

    /** The path that follows {@code activity}'s motion with a crop {@code cropFraction} of the source's width wide. */
    static FramingPath follow(FramingActivity activity, double cropFraction, double clipSeconds) {
        double free = 1 - cropFraction;
        if (free <= 0.001 || activity.samples() == 0) {
            return new FramingPath(List.of(new Keyframe(0, 0.5)), cropFraction, false);
        }
        int columns = activity.columns();
        double[] targets = new double[activity.samples()];
        boolean motionFound = false;
        for (int index = 0; index < targets.length; index++) {
            targets[index] = target(activity, index, cropFraction, columns);
            motionFound |= !Double.isNaN(targets[index]);
        }
        if (!motionFound) {
            return new FramingPath(List.of(new Keyframe(0, 0.5)), cropFraction, false);
        }
        List<Keyframe> positions = glide(activity, targets, cropFraction / free, clipSeconds);
        double tolerance = 0.01 * cropFraction / free;
        List<Keyframe> thinned = thin(positions, tolerance);
        while (thinned.size() > MAX_KEYFRAMES) {
            tolerance *= 1.5;
            thinned = thin(positions, tolerance);
        }
        return new FramingPath(thinned, cropFraction, true);
    }

    /** The target position (0–1) of one sample, or NaN when it has too little motion to say. */
    private static double target(FramingActivity activity, int index, double cropFraction, int columns) {
        double[] energy = activity.columnEnergy(index);
        double total = activity.total(index);
        if (total < MIN_MOTION_PER_PIXEL * columns * FramingActivity.ROWS) {
            return Double.NaN;
        }
        int window = Math.max(1, Math.min(columns, (int) Math.round(cropFraction * columns)));
        double sum = 0;
        for (int column = 0; column < window; column++) {
            sum += energy[column];
        }
        double best = sum;
        int bestStart = 0;
        for (int start = 1; start + window <= columns; start++) {
            sum += energy[start + window - 1] - energy[start - 1];
            if (sum > best) {
                best = sum;
                bestStart = start;
            }
        }
        if (best < CONCENTRATION * total * window / columns) {
            return Double.NaN;
        }
        double weighted = 0;
        for (int column = bestStart; column < bestStart + window; column++) {
            weighted += energy[column] * (column + 0.5);
        }
        double centre = best > 0 ? weighted / best / columns : (bestStart + window / 2.0) / columns;
        return clamp((centre - cropFraction / 2) / (1 - cropFraction), 0, 1);
    }

    /** Smoothing, dead zone and speed limit; {@code cropInPositions} is one crop width in position units. */
    private static List<Keyframe> glide(FramingActivity activity, double[] targets, double cropInPositions,
                                        double clipSeconds) {
        double deadZone = DEAD_ZONE * cropInPositions;
        double settled = SETTLED * cropInPositions;
        double speed = MAX_SPEED * cropInPositions;
        double target = Double.NaN;
        for (double candidate : targets) {
            if (!Double.isNaN(candidate)) {
                target = candidate;
                break;
            }
        }
        double smoothed = target;
        double position = target;
        boolean moving = false;
        double previousSeconds = 0;
        List<Keyframe> positions = new ArrayList<>();
        positions.add(new Keyframe(0, position));
        for (int index = 0; index < targets.length; index++) {
            double seconds = activity.seconds(index);
            if (seconds <= previousSeconds || seconds >= clipSeconds) {
                continue;
            }
            double step = seconds - previousSeconds;
            previousSeconds = seconds;
            if (!Double.isNaN(targets[index])) {
                target = targets[index];
            }
            smoothed += (1 - Math.exp(-step / SMOOTHING_SECONDS)) * (target - smoothed);
            if (!moving && Math.abs(smoothed - position) > deadZone) {
                moving = true;
            }
            if (moving) {
                double limit = speed * step;
                position += clamp(smoothed - position, -limit, limit);
                if (Math.abs(smoothed - position) < settled) {
                    moving = false;
                }
            }
            positions.add(new Keyframe(seconds, position));
        }
        if (clipSeconds > previousSeconds) {
            positions.add(new Keyframe(clipSeconds, position));
        }
        return positions;
    }

    /** Ramer–Douglas–Peucker on the positions, measured vertically (position error at the same time). */
    static List<Keyframe> thin(List<Keyframe> points, double tolerance) {
        if (points.size() <= 2) {
            return List.copyOf(points);
        }
        boolean[] keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        thin(points, 0, points.size() - 1, tolerance, keep);
        List<Keyframe> kept = new ArrayList<>();
        for (int index = 0; index < points.size(); index++) {
            if (keep[index]) {
                kept.add(points.get(index));
            }
        }
        // A still crop needs no second keyframe.
        if (kept.size() == 2 && Math.abs(kept.get(0).position() - kept.get(1).position()) < 1e-4) {
            return List.of(kept.get(0));
        }
        return kept;
    }

    private static void thin(List<Keyframe> points, int first, int last, double tolerance, boolean[] keep) {
        Keyframe a = points.get(first);
        Keyframe b = points.get(last);
        double worst = -1;
        int worstIndex = -1;
        for (int index = first + 1; index < last; index++) {
            Keyframe p = points.get(index);
            double expected = a.position() + (b.position() - a.position()) * (p.seconds() - a.seconds())
                    / (b.seconds() - a.seconds());
            double error = Math.abs(p.position() - expected);
            if (error > worst) {
                worst = error;
                worstIndex = index;
            }
        }
        if (worst > tolerance) {
            keep[worstIndex] = true;
            thin(points, first, worstIndex, tolerance, keep);
            thin(points, worstIndex, last, tolerance, keep);
        }
    }

    /** The position at {@code seconds}, as the crop expression computes it. */
    double positionAt(double seconds) {
        double position = keyframes.get(0).position();
        for (int index = 0; index + 1 < keyframes.size(); index++) {
            Keyframe a = keyframes.get(index);
            Keyframe b = keyframes.get(index + 1);
            position += (b.position() - a.position()) * clamp((seconds - a.seconds()) / (b.seconds() - a.seconds()), 0, 1);
        }
        return position;
    }

    /**
     * The position as an FFmpeg expression of {@code t}: the first position plus one clipped ramp per
     * segment. A flat sum, because FFmpeg's parser gives up on about a hundred nested {@code if}s.
     */
    String expression() {
        StringBuilder expression = new StringBuilder(decimal(keyframes.get(0).position()));
        for (int index = 0; index + 1 < keyframes.size(); index++) {
            Keyframe a = keyframes.get(index);
            Keyframe b = keyframes.get(index + 1);
            double delta = b.position() - a.position();
            if (Math.abs(delta) < 1e-4) {
                continue;
            }
            expression.append(delta < 0 ? '-' : '+').append(decimal(Math.abs(delta)))
                    .append("*clip((t-").append(decimal(a.seconds())).append(")/")
                    .append(decimal(b.seconds() - a.seconds())).append(",0,1)");
        }
        return expression.toString();
    }

    double minPosition() {
        return keyframes.stream().mapToDouble(Keyframe::position).min().orElse(0.5);
    }

    double maxPosition() {
        return keyframes.stream().mapToDouble(Keyframe::position).max().orElse(0.5);
    }

    /** For people: "follow action: 6 keyframes, crop 608 px wide, x from 120 to 840 px of 1920". */
    String describe(int sourceWidth) {
        int cropWidth = (int) Math.round(cropFraction * sourceWidth);
        int room = sourceWidth - cropWidth;
        if (!motionFound) {
            return "follow action: no motion found, so the centre " + cropWidth + " px of " + sourceWidth
                    + " are kept";
        }
        return String.format(Locale.ROOT, "follow action: %d keyframe%s, crop %d px wide, x from %d to %d px of %d",
                keyframes.size(), keyframes.size() == 1 ? "" : "s", cropWidth, Math.round(minPosition() * room),
                Math.round(maxPosition() * room), sourceWidth);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
