package dev.truss.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DailyAnalyticsTest {

    static final CreatorId CREATOR = CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3");
    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void an_empty_day_reads_zero_for_every_metric() {
        DailyAnalytics empty = DailyAnalytics.empty(CREATOR, DAY);

        for (Metric metric : Metric.values()) {
            assertThat(empty.count(metric)).as(metric.name()).isZero();
        }
    }

    @Test
    void counters_absent_from_the_map_read_zero() {
        DailyAnalytics day = new DailyAnalytics(CREATOR, DAY, Map.of(Metric.CLIPS_CREATED, 7L, Metric.CHAT_SPIKES, 0L));

        assertThat(day.count(Metric.CLIPS_CREATED)).isEqualTo(7);
        assertThat(day.count(Metric.CHAT_SPIKES)).isZero();
        assertThat(day.count(Metric.ASSETS_UPLOADED)).isZero();
    }

    @Test
    void a_counter_cannot_be_negative() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new DailyAnalytics(CREATOR, DAY, Map.of(Metric.CHAT_MESSAGES, -1L)))
                .withMessage("CHAT_MESSAGES cannot be negative, got -1");
    }

    @Test
    void the_counters_are_a_copy_of_what_was_given() {
        Map<Metric, Long> given = new HashMap<>(Map.of(Metric.ASSETS_ANALYSED, 2L));
        DailyAnalytics day = new DailyAnalytics(CREATOR, DAY, given);
        given.put(Metric.ASSETS_ANALYSED, 99L);

        assertThat(day.count(Metric.ASSETS_ANALYSED)).isEqualTo(2);
    }

    @Test
    void every_platform_has_its_own_published_counter() {
        assertThat(Arrays.stream(Platform.values()).map(Metric::publishedTo))
                .doesNotHaveDuplicates()
                .hasSize(Platform.values().length);
        for (Platform platform : Platform.values()) {
            assertThat(Metric.publishedTo(platform).name()).isEqualTo("PUBLISHED_" + platform.name());
        }
    }
}
