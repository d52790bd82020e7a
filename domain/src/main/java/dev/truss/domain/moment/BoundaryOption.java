package dev.truss.domain.moment;

/** One place a clip boundary could go, how it got there, and how far it moved. */
record BoundaryOption(long atMs, BoundarySnap snap, long movedMs) {

    static BoundaryOption unsnapped(long atMs) {
        return new BoundaryOption(atMs, BoundarySnap.NOT_SNAPPED, 0);
    }
}
