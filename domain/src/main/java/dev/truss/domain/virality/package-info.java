/**
 * Virality scoring. An {@link dev.truss.domain.virality.EngagementTimeline} of a whole video
 * is summarised per window into {@link dev.truss.domain.virality.WindowSignals}; a
 * {@link dev.truss.domain.virality.ViralityScorer} turns those into a 0–100
 * {@link dev.truss.domain.virality.ViralityScore} whose contributions say, in one sentence
 * each, why. Pure and deterministic: the same signals always give the same score.
 */
package dev.truss.domain.virality;
