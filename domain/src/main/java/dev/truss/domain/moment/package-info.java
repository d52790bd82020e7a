/**
 * Moment selection: from scored candidate windows, a {@link dev.truss.domain.moment.MomentSelector}
 * picks at most N non-overlapping clips within the length bounds of a
 * {@link dev.truss.domain.moment.SelectionPolicy}, moving each boundary to a nearby silence or
 * scene cut so clips start and end cleanly. Pure and deterministic.
 */
package dev.truss.domain.moment;
