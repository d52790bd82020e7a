package dev.truss.domain.archfixturegood;

import dev.truss.domain.archfixturegoodunit.GoodUnit;
import java.time.Duration;
import java.util.List;

/** Architecture fixture: domain using only the JDK and the domain, one-way. */
public record GoodDomainValue(List<GoodUnit> units) {
    public Duration total() {
        return Duration.ofMillis(units.stream().mapToLong(GoodUnit::millis).sum());
    }
}
