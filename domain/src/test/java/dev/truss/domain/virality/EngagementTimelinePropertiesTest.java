package dev.truss.domain.virality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.truss.domain.time.TimeRange;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EngagementTimelinePropertiesTest {

    record Case(EngagementTimeline timeline, List<TimeRange> rawSilences, TimeRange window) {
    }

    @Property(tries = 300)
    void theSpeechRatioIsTheShareOfMillisecondsOutsideEverySilence(@ForAll("cases") Case c) {
        TimeRange window = c.window();
        long silentMs = 0;
        for (long ms = window.startMs(); ms < window.endMs(); ms++) {
            long instant = ms;
            silentMs += c.rawSilences().stream().anyMatch(s -> s.contains(instant)) ? 1 : 0;
        }

        assertThat(c.timeline().summarise(window).speechRatio())
                .isCloseTo(1 - silentMs / (double) window.durationMs(), within(1e-9));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.longs().between(1_000, 30_000).flatMap(duration -> {
            int seconds = (int) ((duration + 999) / 1000);
            Arbitrary<Long> instant = Arbitraries.longs().between(0, duration - 1);
            Arbitrary<TimeRange> range = Combinators.combine(instant, Arbitraries.longs().between(1, 8_000))
                    .as((start, length) -> new TimeRange(start, Math.min(duration, start + length)));
            return Combinators.combine(
                    Arbitraries.doubles().between(-70, 0).list().ofSize(seconds),
                    range.list().ofMaxSize(8),
                    Arbitraries.doubles().between(0, 1).list().ofSize(seconds),
                    range
            ).as((loudness, silences, motion, window) -> new Case(
                    new EngagementTimeline(duration, loudness, silences, List.of(), motion), silences, window));
        });
    }
}
