package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.domain.analytics.DailyAnalytics;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link AnalyticsStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class AnalyticsStoreContract {

    protected abstract AnalyticsStore newStore();

    private AnalyticsStore store;
    private final CreatorId creator = Fixtures.creatorId();
    private final LocalDate day = Fixtures.DAY;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void increments_add_up_per_metric_and_untouched_metrics_read_zero() {
        store.increment(creator, day, Metric.CLIPS_CREATED, 3);
        store.increment(creator, day, Metric.CLIPS_CREATED, 4);
        store.increment(creator, day, Metric.PUBLISHED_TIKTOK, 1);

        assertThat(store.range(creator, day, day)).containsExactly(new DailyAnalytics(creator, day,
                Map.of(Metric.CLIPS_CREATED, 7L, Metric.PUBLISHED_TIKTOK, 1L)));
        assertThat(store.range(creator, day, day).get(0).count(Metric.CHAT_SPIKES)).isZero();
    }

    @Test
    void a_range_holds_the_days_with_counters_from_first_to_last_day_included_oldest_first() {
        LocalDate first = day;
        LocalDate last = day.plusDays(6);
        store.increment(creator, first.minusDays(1), Metric.ASSETS_UPLOADED, 1);
        store.increment(creator, last, Metric.ASSETS_UPLOADED, 5);
        store.increment(creator, first.plusDays(3), Metric.ASSETS_UPLOADED, 3);
        store.increment(creator, first, Metric.ASSETS_UPLOADED, 2);
        store.increment(creator, last.plusDays(1), Metric.ASSETS_UPLOADED, 1);

        assertThat(store.range(creator, first, last)).extracting(DailyAnalytics::date)
                .containsExactly(first, first.plusDays(3), last);
    }

    @Test
    void a_range_without_counters_is_empty() {
        store.increment(creator, day, Metric.CHAT_MESSAGES, 10);

        assertThat(store.range(creator, day.plusDays(1), day.plusDays(30))).isEmpty();
    }

    @Test
    void a_creator_never_sees_another_creators_counters() {
        store.increment(creator, day, Metric.CHAT_MESSAGES, 10);
        CreatorId someoneElse = Fixtures.creatorId();
        store.increment(someoneElse, day, Metric.CHAT_MESSAGES, 1);

        assertThat(store.range(someoneElse, day, day)).containsExactly(new DailyAnalytics(someoneElse, day,
                Map.of(Metric.CHAT_MESSAGES, 1L)));
    }

    @Test
    void concurrent_increments_never_lose_a_count() throws Exception {
        Concurrently.run(8, () -> {
            for (int i = 0; i < 500; i++) {
                store.increment(creator, day, Metric.CLIPS_RENDERED, 1);
                store.increment(creator, day, Metric.CHAT_MESSAGES, 2);
            }
            return null;
        });

        DailyAnalytics counted = store.range(creator, day, day).get(0);
        assertThat(counted.count(Metric.CLIPS_RENDERED)).isEqualTo(4_000);
        assertThat(counted.count(Metric.CHAT_MESSAGES)).isEqualTo(8_000);
    }
}
