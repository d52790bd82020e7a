package dev.truss.domain.moment;

/** Where a clip boundary was moved to, in order of preference. */
public enum BoundarySnap {
    /** Into a silence: a start at (or towards) its end, an end at (or towards) its start, so no word is cut. */
    TO_SILENCE,
    /** Onto a scene cut, so the clip does not open or close on a stray frame of another shot. */
    TO_SCENE_CUT,
    /** Left where the candidate had it: no cut point lay within tolerance, or none kept the clip within bounds. */
    NOT_SNAPPED
}
