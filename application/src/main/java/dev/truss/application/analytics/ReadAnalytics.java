package dev.truss.application.analytics;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.domain.analytics.DailyAnalytics;
import dev.truss.domain.id.CreatorId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A creator's daily counters over a date range, one entry per day (days with nothing are zeros). */
public final class ReadAnalytics {

    /** The longest range one request may ask for: a year and a day covers "the last 12 months" and a leap day. */
    public static final int MAX_DAYS = 366;

    public record Query(CreatorId creator, LocalDate from, LocalDate to) {
        public Query {
            java.util.Objects.requireNonNull(creator, "creator");
            java.util.Objects.requireNonNull(from, "from");
            java.util.Objects.requireNonNull(to, "to");
        }
    }

    private final AnalyticsStore analytics;

    public ReadAnalytics(AnalyticsStore analytics) {
        this.analytics = analytics;
    }

    public Outcome<List<DailyAnalytics>> execute(Query query) {
        if (query.to().isBefore(query.from())) {
            return Outcome.rejected("the range ends (" + query.to() + ") before it starts (" + query.from() + ")");
        }
        long days = ChronoUnit.DAYS.between(query.from(), query.to()) + 1;
        if (days > MAX_DAYS) {
            return Outcome.rejected("ask for at most " + MAX_DAYS + " days at a time, not " + days);
        }
        Map<LocalDate, DailyAnalytics> stored = analytics.range(query.creator(), query.from(), query.to()).stream()
                .collect(Collectors.toMap(DailyAnalytics::date, Function.identity()));
        return Outcome.ok(query.from().datesUntil(query.to().plusDays(1))
                .map(day -> stored.getOrDefault(day, DailyAnalytics.empty(query.creator(), day)))
                .toList());
    }
}
