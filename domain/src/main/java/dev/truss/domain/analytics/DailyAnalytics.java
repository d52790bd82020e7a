package dev.truss.domain.analytics;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.CreatorId;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** One creator's counters for one UTC day. Counters absent from the map are zero. */
public record DailyAnalytics(CreatorId creatorId, LocalDate date, Map<Metric, Long> counters) {

    public DailyAnalytics {
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(date, "date");
        counters.forEach((metric, count) -> {
            if (count < 0) {
                throw new InvalidValueException(metric + " cannot be negative, got " + count);
            }
        });
        counters = counters.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(counters));
    }

    public static DailyAnalytics empty(CreatorId creator, LocalDate date) {
        return new DailyAnalytics(creator, date, Map.of());
    }

    public long count(Metric metric) {
        return counters.getOrDefault(metric, 0L);
    }
}
