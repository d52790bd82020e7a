package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.IdSourceContract;
import dev.truss.application.port.IdSource;
import dev.truss.application.port.UlidIdSource;
import dev.truss.domain.id.Ulid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UlidIdSourceTest extends IdSourceContract {

    @Override
    protected IdSource newIdSource() {
        return new UlidIdSource(Clock.systemUTC());
    }

    @Test
    void an_id_carries_the_time_it_was_made() {
        MutableClock clock = MutableClock.at("2026-03-01T12:00:00.123Z");
        assertThat(new UlidIdSource(clock).next().timestamp()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
    }

    @Test
    void ids_keep_increasing_when_the_clock_steps_back() {
        MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
        IdSource ids = new UlidIdSource(clock);
        Ulid before = ids.next();

        clock.advance(Duration.ofSeconds(-5));

        assertThat(ids.next()).isGreaterThan(before);
    }
}
