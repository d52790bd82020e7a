package dev.truss.bootstrap.cli;

import dev.truss.application.detect.ClipVideo;
import java.io.PrintWriter;

/**
 * Shows a long command's progress on stderr: one line redrawn in place on a terminal, a line
 * per stage otherwise (so logs of a CI run stay readable).
 */
final class TerminalProgress implements ClipVideo.Progress, AutoCloseable {

    private final PrintWriter err;
    private final boolean terminal;
    private String lastStage = "";
    private int lastPercent = -1;
    private boolean open;

    TerminalProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void report(String stage, int percent) {
        if (percent == lastPercent && stage.equals(lastStage)) {
            return;
        }
        if (terminal) {
            err.printf("\r%3d%%  %-40s", percent, stage);
            err.flush();
            open = true;
        } else if (!stage.equals(lastStage)) {
            err.printf("%3d%%  %s%n", percent, stage);
        }
        lastStage = stage;
        lastPercent = percent;
    }

    /** Ends the redrawn line, so what follows starts on its own. */
    @Override
    public synchronized void close() {
        if (open) {
            err.println();
            open = false;
        }
    }
}
