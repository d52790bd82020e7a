package dev.truss.application.detect;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.WindowSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Titles and reasons for a window, worded from what was measured and nothing else: a detector
 * without a model cannot know what is said or shown, so it never pretends to.
 *
 * <p>A signal stands out when the loudest second rises at least {@value #LOUD_DB} dB above the
 * video's median, when scene cuts come at least {@value #FAST_CUTS_PER_MINUTE} a minute, or when
 * the mean motion reaches {@value #LIVELY_MOTION} (half of what the scorer counts as full). A
 * loud window is placed at its loudest second, which survives the selector moving the window's
 * boundaries; any other at its start.
 */
final class MomentWords {

    static final double LOUD_DB = 6;
    static final double FAST_CUTS_PER_MINUTE = 6;
    static final double LIVELY_MOTION = 0.3;

    private MomentWords() {
    }

    /** "Loud, fast-cut, high-motion moment peaking at 05:00", "Fast-cut moment at 02:15", "Moment at 02:15". */
    static String title(TimeRange range, WindowSignals signals, EngagementTimeline timeline) {
        List<String> traits = new ArrayList<>();
        if (isLoud(signals)) {
            traits.add("loud");
        }
        if (isFastCut(signals)) {
            traits.add("fast-cut");
        }
        if (isLively(signals)) {
            traits.add("high-motion");
        }
        String what = traits.isEmpty() ? "moment" : String.join(", ", traits) + " moment";
        String when = isLoud(signals) ? " peaking at " + Timecode.of(loudestSecondMs(range, timeline))
                : " at " + Timecode.of(range.startMs());
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + when;
    }

    /** Which signals made the window stand out, with their measurements, and how much of it has sound. */
    static String reason(WindowSignals signals) {
        List<String> facts = new ArrayList<>();
        if (isLoud(signals)) {
            facts.add(say("its loudest second is %.0f dB above the video's median",
                    signals.loudnessPeakAboveMedianDb()));
        }
        if (isFastCut(signals)) {
            facts.add(say("%d scene cuts in %s", signals.sceneCuts(), seconds(signals.durationMs())));
        }
        if (isLively(signals)) {
            facts.add(say("motion averages %.0f%% of full energy", signals.meanMotion() * 100));
        }
        if (facts.isEmpty()) {
            facts.add("no loud peak, fast cutting or lively motion");
        }
        facts.add(say("sound fills %.0f%% of it", signals.speechRatio() * 100));
        return "Measured signals only: " + String.join("; ", facts) + ".";
    }

    private static boolean isLoud(WindowSignals signals) {
        return signals.loudnessPeakAboveMedianDb() >= LOUD_DB;
    }

    private static boolean isFastCut(WindowSignals signals) {
        return signals.sceneCutsPerMinute() >= FAST_CUTS_PER_MINUTE;
    }

    private static boolean isLively(WindowSignals signals) {
        return signals.meanMotion() >= LIVELY_MOTION;
    }

    /** The start of the window's first loudest second. */
    private static long loudestSecondMs(TimeRange range, EngagementTimeline timeline) {
        List<Double> loudness = timeline.loudnessPerSecondDb();
        int loudest = (int) (range.startMs() / 1000);
        for (int second = loudest; second * 1000L < range.endMs(); second++) {
            if (loudness.get(second) > loudness.get(loudest)) {
                loudest = second;
            }
        }
        return loudest * 1000L;
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? say("%d s", ms / 1000) : say("%.1f s", ms / 1000.0);
    }

    private static String say(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }
}
