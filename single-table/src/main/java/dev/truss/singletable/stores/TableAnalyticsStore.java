package dev.truss.singletable.stores;

import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.domain.analytics.DailyAnalytics;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import dev.truss.singletable.Item;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One item per creator and day at {@code CREATOR#<id> / ANALYTICS#DAILY#<yyyy-mm-dd>}, one
 * number attribute per metric, bumped with DynamoDB's atomic {@code ADD}: no read, no lost count.
 */
final class TableAnalyticsStore implements AnalyticsStore {

    private final Items items;

    TableAnalyticsStore(Items items) {
        this.items = items;
    }

    @Override
    public void increment(CreatorId creator, LocalDate day, Metric metric, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("counters only grow, got " + amount + " for " + metric);
        }
        items.table().add(Keys.day(creator, day), Map.of(metric.name(), amount));
    }

    @Override
    public List<DailyAnalytics> range(CreatorId creator, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        Query days = Query.table(Keys.creator(creator),
                SortKeyRange.between(Keys.day(creator, from).sk(), Keys.day(creator, to).sk()), false, 400);
        return Paging.readAll(items.table(), days).stream().map(item -> analytics(creator, item)).toList();
    }

    private static DailyAnalytics analytics(CreatorId creator, Item item) {
        LocalDate day = LocalDate.parse(item.key().sk().substring(Keys.DAY_PREFIX.length()));
        Map<Metric, Long> counters = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            item.number(metric.name()).ifPresent(count -> counters.put(metric, count));
        }
        return new DailyAnalytics(creator, day, counters);
    }
}
