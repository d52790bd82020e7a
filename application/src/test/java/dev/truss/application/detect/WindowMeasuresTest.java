package dev.truss.application.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.ViralityScorer;
import dev.truss.domain.virality.ViralityWeights;
import dev.truss.domain.virality.WindowSignals;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The detector's shortcuts give exactly what the domain would: the same signals, the same score. */
class WindowMeasuresTest {

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void theMeterSummarisesAWindowExactlyAsTheTimelineDoes(@ForAll("timelineWithWindows") TimelineWithWindows sample) {
        WindowMeter meter = new WindowMeter(sample.timeline());

        for (TimeRange window : sample.windows()) {
            assertThat(meter.measure(window)).isEqualTo(sample.timeline().summarise(window));
        }
    }

    record TimelineWithWindows(EngagementTimeline timeline, List<TimeRange> windows) {
    }

    @Provide
    Arbitrary<TimelineWithWindows> timelineWithWindows() {
        return TimelineArbitraries.timelines().flatMap(timeline -> Combinators.combine(
                net.jqwik.api.Arbitraries.just(timeline),
                TimelineArbitraries.windowsWithin(timeline.durationMs()).list().ofMinSize(1).ofMaxSize(20))
                .as(TimelineWithWindows::new));
    }

    @Provide
    Arbitrary<WindowSignals> mediaWindows() {
        return TimelineArbitraries.mediaWindows();
    }

    @Provide
    Arbitrary<ViralityWeights> weights() {
        return TimelineArbitraries.weights();
    }
}
