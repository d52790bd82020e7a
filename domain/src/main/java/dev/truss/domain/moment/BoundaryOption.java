package dev.truss.domain.moment;

/**
 * One place a clip boundary could go, how it got there, how far it moved, and how far it
 * sits from the speech edge of its silence (0 unless the silence is entered only partly).
 */
record BoundaryOption(long atMs, BoundarySnap snap, long movedMs, long offSpeechEdgeMs) {

    static BoundaryOption unsnapped(long atMs) {
        return new BoundaryOption(atMs, BoundarySnap.NOT_SNAPPED, 0, 0);
    }

    static BoundaryOption sceneCut(long atMs, long originalMs) {
        return new BoundaryOption(atMs, BoundarySnap.TO_SCENE_CUT, Math.abs(atMs - originalMs), 0);
    }

    static BoundaryOption inSilence(long atMs, long originalMs, long speechEdgeMs) {
        return new BoundaryOption(atMs, BoundarySnap.TO_SILENCE, Math.abs(atMs - originalMs), Math.abs(speechEdgeMs - atMs));
    }
}
