package dev.truss.application.fake;

import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.domain.analytics.DailyAnalytics;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Daily counters in memory; the store's lock makes each increment atomic. */
public final class InMemoryAnalyticsStore implements AnalyticsStore {

    private final Map<CreatorId, NavigableMap<LocalDate, Map<Metric, Long>>> days = new HashMap<>();

    @Override
    public synchronized void increment(CreatorId creator, LocalDate day, Metric metric, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("counters only grow: an increment is positive, got " + amount);
        }
        days.computeIfAbsent(creator, any -> new TreeMap<>())
                .computeIfAbsent(day, any -> new EnumMap<>(Metric.class))
                .merge(metric, amount, Long::sum);
    }

    @Override
    public synchronized List<DailyAnalytics> range(CreatorId creator, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        return days.getOrDefault(creator, new TreeMap<>()).subMap(from, true, to, true).entrySet().stream()
                .map(day -> new DailyAnalytics(creator, day.getKey(), day.getValue()))
                .toList();
    }
}
