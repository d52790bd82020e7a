package dev.truss.application.contract;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does, for tests of background work. */
public final class Eventually {

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails after {@code seconds}. */
    public static void within(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s in vain until " + what);
            }
            Thread.sleep(5);
        }
    }
}
