package dev.truss.domain.virality;

/** A hard change of shot at an instant of the video, with the detector's confidence (0–1). */
public record SceneCut(long atMs, double score) {

    public SceneCut {
        if (atMs < 0) {
            throw new IllegalArgumentException("a scene cut cannot happen before 0 ms, got " + atMs);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a scene-cut score is within 0–1, got " + score);
        }
    }
}
