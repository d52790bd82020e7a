/**
 * Finding moments without a cloud account: a {@link dev.truss.application.detect.LocalMomentDetector}
 * that proposes moments and chapters from the measured signals alone, the
 * {@link dev.truss.application.detect.MomentRanking} that scores and selects any detector's
 * proposals, and {@link dev.truss.application.detect.ClipVideo}, the one-shot "file in, clips out"
 * use case behind {@code truss clip}.
 */
package dev.truss.application.detect;
