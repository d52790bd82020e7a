package dev.truss.application.fake;

/** Counts the calls to a fake and makes the next N of them fail, as a test asks. Thread-safe. */
final class FailureInjection {

    private int failuresLeft;
    private int attempts;

    synchronized void failNext(int count) {
        failuresLeft = count;
    }

    synchronized int attempts() {
        return attempts;
    }

    /** Counts one call; whether it must fail. */
    synchronized boolean nextCallFails() {
        attempts++;
        if (failuresLeft > 0) {
            failuresLeft--;
            return true;
        }
        return false;
    }
}
