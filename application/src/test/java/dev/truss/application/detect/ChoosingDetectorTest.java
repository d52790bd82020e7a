package dev.truss.application.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.MomentDetectorContract;
import dev.truss.application.fake.FakeAiDetector;
import dev.truss.application.fake.FakeMediaProbe;
import dev.truss.application.fake.FakeMomentDetector;
import dev.truss.application.fake.FakeSignalExtractor;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.port.media.DetectorChoice;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.domain.asset.VideoProperties;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChoosingDetectorTest extends MomentDetectorContract {

    private final InMemoryMedia media = new InMemoryMedia();
    private final FakeMomentDetector local = new FakeMomentDetector();
    private final FakeAiDetector ai = new FakeAiDetector();
    private final ChoosingDetector withAi = new ChoosingDetector(local, Optional.of(ai));
    private final ChoosingDetector withoutAi = new ChoosingDetector(local, Optional.empty());

    @Override
    protected MomentDetector newDetector() {
        return new ChoosingDetector(new FakeMomentDetector(), Optional.of(new FakeAiDetector()));
    }

    @Override
    protected MomentDetector.Request request() {
        return request(DetectorChoice.AUTO);
    }

    @Test
    void the_default_choice_runs_the_ai_detector_when_one_is_configured() {
        Detection detection = withAi.detect(request(DetectorChoice.AUTO), p -> { });

        assertThat(detection.detector()).isEqualTo(FakeAiDetector.MODEL);
        assertThat(detection.transcript()).isNotEmpty();
        assertThat(ai.requests()).hasSize(1);
        assertThat(local.attempts()).isZero();
    }

    @Test
    void the_default_choice_runs_the_local_detector_quietly_when_no_ai_is_configured() {
        Detection detection = withoutAi.detect(request(DetectorChoice.AUTO), p -> { });

        assertThat(detection.detector()).isEqualTo(MomentDetector.LOCAL);
        assertThat(detection.notes()).noneMatch(note -> note.contains("asked for"));
        assertThat(withoutAi.hasAi()).isFalse();
    }

    @Test
    void asking_for_the_local_detector_runs_it_even_when_an_ai_is_configured() {
        Detection detection = withAi.detect(request(DetectorChoice.LOCAL), p -> { });

        assertThat(detection.detector()).isEqualTo(MomentDetector.LOCAL);
        assertThat(detection.transcript()).isEmpty();
        assertThat(ai.requests()).isEmpty();
        assertThat(local.attempts()).isEqualTo(1);
    }

    @Test
    void asking_for_the_ai_runs_it_with_the_request_as_asked() {
        MomentDetector.Request request = request(DetectorChoice.AI);

        Detection detection = withAi.detect(request, p -> { });

        assertThat(detection.detector()).isEqualTo(FakeAiDetector.MODEL);
        assertThat(ai.requests()).containsExactly(request);
    }

    @Test
    void asking_for_the_ai_where_none_is_configured_runs_the_local_detector_and_says_so_first() {
        Detection detection = withoutAi.detect(request(DetectorChoice.AI), p -> { });

        assertThat(detection.detector()).isEqualTo(MomentDetector.LOCAL);
        assertThat(detection.notes()).first().isEqualTo(ChoosingDetector.NO_AI_CONFIGURED);
        assertThat(detection.notes()).hasSize(2); // and the local detector's own
        assertThat(detection.moments()).isNotEmpty();
    }

    @Test
    void a_configured_default_of_local_keeps_the_ai_for_the_requests_that_ask_for_it() {
        ChoosingDetector localByDefault = new ChoosingDetector(local, Optional.of(ai), DetectorChoice.LOCAL);

        assertThat(localByDefault.detect(request(DetectorChoice.AUTO), p -> { }).detector())
                .isEqualTo(MomentDetector.LOCAL);
        assertThat(localByDefault.detect(request(DetectorChoice.AI), p -> { }).detector())
                .isEqualTo(FakeAiDetector.MODEL);
    }

    @Test
    void a_failure_of_the_chosen_detector_propagates_for_the_job_to_retry() {
        ai.failNext(1);

        assertThatThrownBy(() -> withAi.detect(request(DetectorChoice.AI), p -> { }))
                .isInstanceOf(MediaException.class);
        assertThat(local.attempts()).isZero();
    }

    @Test
    void a_chooser_of_choosers_is_refused() {
        assertThatThrownBy(() -> new ChoosingDetector(withAi, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChoosingDetector(local, Optional.of(withoutAi)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_request_made_the_old_way_asks_for_the_configured_default() {
        MomentDetector.Request choice = request(DetectorChoice.AUTO);

        assertThat(new MomentDetector.Request(choice.source(), choice.video(), choice.timeline()))
                .isEqualTo(choice);
    }

    private MomentDetector.Request request(DetectorChoice choice) {
        URI source = media.add(InMemoryMedia.video(120_000).loud(12, 18).loud(70, 75).cuts(10_000, 30_000)
                .silence(20_000, 21_000).motion(40, 50).bytes());
        VideoProperties properties = ((MediaProbe.Playable) new FakeMediaProbe(media).probe(source)).video();
        return new MomentDetector.Request(source, properties,
                new FakeSignalExtractor(media).extract(source, properties, p -> { }), choice);
    }
}
