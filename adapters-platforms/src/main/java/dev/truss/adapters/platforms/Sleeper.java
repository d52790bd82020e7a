package dev.truss.adapters.platforms;

import java.time.Duration;

/**
 * Waits between a platform's attempts (a rate limit, polling for a result). Adapters take one so
 * tests can record the waits, or move a test clock, instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
