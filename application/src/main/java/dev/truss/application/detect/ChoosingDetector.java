package dev.truss.application.detect;

import dev.truss.application.port.media.DetectorChoice;
import dev.truss.application.port.media.MomentDetector;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Runs the detector a request chose: the local one, or the AI one when one is configured.
 * {@link DetectorChoice#AUTO} is the configured default, which is the AI detector when there is
 * one unless the configuration says local. Asking for the AI detector when none is configured
 * runs the local one, and the detection's first note says so. What the chosen detector throws
 * propagates (the job retries it); falling back on bad model output is the AI detector's own
 * business, and it says so in its notes. Thread-safe when both detectors are.
 */
public final class ChoosingDetector implements MomentDetector {

    /** The first note of a detection that asked for the AI detector where none is configured. */
    public static final String NO_AI_CONFIGURED = "the AI detector was asked for, but none is configured (it needs"
            + " a Gemini API key); the local detector ran";

    private final MomentDetector local;
    private final Optional<MomentDetector> ai;
    private final DetectorChoice defaultChoice;

    /** {@link DetectorChoice#AUTO} runs the AI detector when there is one, else the local one. */
    public ChoosingDetector(MomentDetector local, Optional<MomentDetector> ai) {
        this(local, ai, DetectorChoice.AUTO);
    }

    /**
     * {@code defaultChoice}: what {@link DetectorChoice#AUTO} means here, by configuration:
     * {@code LOCAL} keeps a configured AI detector for the requests that ask for it, {@code AI}
     * (or {@code AUTO}) runs it whenever there is one.
     */
    public ChoosingDetector(MomentDetector local, Optional<MomentDetector> ai, DetectorChoice defaultChoice) {
        this.local = Objects.requireNonNull(local, "local detector");
        this.ai = Objects.requireNonNull(ai, "AI detector");
        this.defaultChoice = Objects.requireNonNull(defaultChoice, "default choice");
        if (local instanceof ChoosingDetector || ai.filter(ChoosingDetector.class::isInstance).isPresent()) {
            throw new IllegalArgumentException("a chooser chooses between detectors, not between choosers");
        }
    }

    /** Whether an AI detector is configured. */
    public boolean hasAi() {
        return ai.isPresent();
    }

    @Override
    public Detection detect(Request request, IntConsumer percentDone) {
        DetectorChoice choice = request.choice() == DetectorChoice.AUTO ? defaultChoice : request.choice();
        boolean wantsAi = choice == DetectorChoice.AI || choice == DetectorChoice.AUTO;
        if (wantsAi && ai.isPresent()) {
            return ai.get().detect(request, percentDone);
        }
        Detection detection = local.detect(request, percentDone);
        return request.choice() == DetectorChoice.AI ? detection.withFirstNote(NO_AI_CONFIGURED) : detection;
    }
}
