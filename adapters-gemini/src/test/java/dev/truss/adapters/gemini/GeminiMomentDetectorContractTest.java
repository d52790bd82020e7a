package dev.truss.adapters.gemini;

import dev.truss.adapters.gemini.GeminiStandIn.Answer;
import dev.truss.application.contract.MomentDetectorContract;
import dev.truss.application.port.media.MomentDetector;
import org.junit.jupiter.api.AfterEach;

/**
 * The port's contract, held against the stand-in answering every request with a good answer for
 * the contract's 2-minute video: the same answer each time, so the detector is deterministic.
 */
class GeminiMomentDetectorContractTest extends MomentDetectorContract {

    private Bench bench;

    @Override
    protected MomentDetector newDetector() {
        bench = new Bench();
        bench.gemini.answerByDefault(Answer.text(AnswerJson.goodFor120Seconds()));
        return bench.detector();
    }

    @Override
    protected MomentDetector.Request request() {
        return bench.lively();
    }

    @Override
    protected boolean isDeterministic() {
        return true;
    }

    @AfterEach
    void close() {
        bench.close();
    }
}
