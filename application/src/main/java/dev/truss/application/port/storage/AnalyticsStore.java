package dev.truss.application.port.storage;

import dev.truss.domain.analytics.DailyAnalytics;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import java.time.LocalDate;
import java.util.List;

/** Daily counters per creator. */
public interface AnalyticsStore {

    /** Adds a positive amount to a counter atomically: concurrent increments never lose a count. */
    void increment(CreatorId creator, LocalDate day, Metric metric, long amount);

    /** The days in [from, to] that have any counter, oldest first. */
    List<DailyAnalytics> range(CreatorId creator, LocalDate from, LocalDate to);
}
