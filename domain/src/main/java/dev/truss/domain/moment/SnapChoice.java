package dev.truss.domain.moment;

import java.util.Comparator;

/** A start and an end option taken together, ranked by how cleanly the clip would cut. */
record SnapChoice(BoundaryOption start, BoundaryOption end) {

    /** Most boundaries in silences, then on scene cuts, then nearest the speech edges, then least movement, then earliest. */
    static final Comparator<SnapChoice> PREFERRED = Comparator
            .comparingInt((SnapChoice choice) -> -choice.count(BoundarySnap.TO_SILENCE))
            .thenComparingInt(choice -> -choice.count(BoundarySnap.TO_SCENE_CUT))
            .thenComparingLong(choice -> choice.start().offSpeechEdgeMs() + choice.end().offSpeechEdgeMs())
            .thenComparingLong(choice -> choice.start().movedMs() + choice.end().movedMs())
            .thenComparingLong(choice -> choice.start().atMs())
            .thenComparingLong(choice -> choice.end().atMs());

    int count(BoundarySnap snap) {
        return (start.snap() == snap ? 1 : 0) + (end.snap() == snap ? 1 : 0);
    }
}
