package dev.truss.domain.moment;

import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.util.Comparator;
import java.util.List;

/** The places where a clip may cleanly start or end: scene-cut instants and silences, kept sorted. */
public record CutPoints(List<Long> sceneCutsMs, List<TimeRange> silences) {

    public CutPoints {
        sceneCutsMs = sceneCutsMs.stream().sorted().toList();
        if (!sceneCutsMs.isEmpty() && sceneCutsMs.get(0) < 0) {
            throw new IllegalArgumentException("a scene cut cannot happen before 0 ms, got " + sceneCutsMs.get(0));
        }
        silences = silences.stream().sorted(Comparator.comparingLong(TimeRange::startMs).thenComparingLong(TimeRange::endMs)).toList();
    }

    public static CutPoints none() {
        return new CutPoints(List.of(), List.of());
    }

    public static CutPoints of(EngagementTimeline timeline) {
        return new CutPoints(timeline.sceneCuts().stream().map(SceneCut::atMs).toList(), timeline.silences());
    }
}
