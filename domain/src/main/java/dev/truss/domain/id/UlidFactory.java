package dev.truss.domain.id;

import java.util.random.RandomGenerator;

/**
 * Makes ids that are strictly increasing even when many are made in the same
 * millisecond (the random part is incremented instead of drawn again), so that
 * "sorted by id" is exactly "sorted by creation" inside one process. Thread-safe.
 */
public final class UlidFactory {

    private final RandomGenerator random;
    private long lastMillis = -1;
    private int lastHigh;
    private long lastLow;

    public UlidFactory(RandomGenerator random) {
        this.random = random;
    }

    public synchronized Ulid next(long epochMillis) {
        if (epochMillis > lastMillis) {
            lastMillis = epochMillis;
            lastHigh = random.nextInt() & 0xFFFF;
            lastLow = random.nextLong();
        } else if (++lastLow == 0 && (lastHigh = (lastHigh + 1) & 0xFFFF) == 0) {
            // 80 bits exhausted inside one millisecond: borrow the next millisecond.
            lastMillis++;
        }
        return Ulid.of(lastMillis, lastHigh, lastLow);
    }
}
