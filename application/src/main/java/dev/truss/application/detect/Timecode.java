package dev.truss.application.detect;

import java.util.Locale;

/** Positions in a video as people read them: {@code 02:15}, or {@code 1:02:05} from an hour on. */
final class Timecode {

    private Timecode() {
    }

    static String of(long ms) {
        long seconds = ms / 1000;
        long hours = seconds / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
