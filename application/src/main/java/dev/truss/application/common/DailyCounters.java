package dev.truss.application.common;

import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Counts work done today (UTC) in a creator's daily analytics; the one place that decides what "today" is. */
public final class DailyCounters {

    private DailyCounters() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Adds {@code amount} to today's counter; nothing happened when it is 0, so nothing is written. */
    public static void add(AnalyticsStore analytics, Clock clock, CreatorId creator, Metric metric, long amount) {
        if (amount > 0) {
            analytics.increment(creator, today(clock), metric, amount);
        }
    }
}
