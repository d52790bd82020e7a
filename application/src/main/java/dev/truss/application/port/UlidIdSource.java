package dev.truss.application.port;

import dev.truss.domain.id.Ulid;
import dev.truss.domain.id.UlidFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Ids from a clock and a ULID factory. The factory keeps ids strictly increasing within the
 * process even when many are made in one millisecond or the clock steps back. Thread-safe.
 */
public final class UlidIdSource implements IdSource {

    private final Clock clock;
    private final UlidFactory factory;

    /** The default: random bits from {@link SecureRandom}, so ids cannot be guessed from one another. */
    public UlidIdSource(Clock clock) {
        this(clock, new UlidFactory(new SecureRandom()));
    }

    public UlidIdSource(Clock clock, UlidFactory factory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Ulid next() {
        return factory.next(clock.millis());
    }
}
