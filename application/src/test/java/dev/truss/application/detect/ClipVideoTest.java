package dev.truss.application.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.common.Outcome;
import dev.truss.application.fake.FakeAiDetector;
import dev.truss.application.fake.FakeClipRenderer;
import dev.truss.application.fake.FakeMediaProbe;
import dev.truss.application.fake.FakeSignalExtractor;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.media.MediaException;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.ViralityScorer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClipVideoTest {

    private static final SelectionPolicy POLICY = SelectionPolicy.defaults();

    private final InMemoryMedia media = new InMemoryMedia();
    private final FakeClipRenderer fakeRenderer = new FakeClipRenderer(media);
    private final URI lively = media.add("lively.mp4", InMemoryMedia.video(600_000)
            .loud(60, 63).cuts(60_000, 61_000, 62_000).motion(55, 75)
            .loud(200, 203).cuts(200_000, 201_000, 202_000)
            .loud(400, 402).motion(390, 420)
            .silence(300_000, 305_000).bytes());

    @TempDir
    Path out;

    @Test
    void a_lively_video_becomes_its_best_clips_named_by_rank_with_their_words_and_scores() throws IOException {
        ClipVideo.Report report = clipVideo(fakeRenderer, 2).execute(command(lively, 3), (stage, percent) -> { })
                .orElseThrow();

        assertThat(report.clips()).extracting(ClipVideo.RenderedClip::rank).containsExactly(1, 2, 3);
        assertThat(report.clips()).extracting(clip -> clip.score().value()).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(report.clips().get(0).range()).matches(range -> range.contains(new TimeRange(60_000, 63_000)));
        assertThat(report.clips().get(0).title()).isEqualTo("Loud, fast-cut, high-motion moment peaking at 01:00");
        for (ClipVideo.RenderedClip clip : report.clips()) {
            String name = String.format("clip-%02d", clip.rank());
            assertThat(clip.video()).isEqualTo(out.resolve(name + ".mp4"));
            assertThat(clip.thumbnail()).isEqualTo(out.resolve(name + ".jpg"));
            Map<String, String> rendered = FakeClipRenderer.properties(clip.video());
            assertThat(rendered).containsEntry("range_ms", clip.range().startMs() + "-" + clip.range().endMs())
                    .containsEntry("layout", "BLURRED_FIT").containsEntry("quality", "PREVIEW");
            assertThat(clip.framing()).isEqualTo(rendered.get("framing"));
        }
        assertThat(filesIn(out)).containsExactlyInAnyOrder("clip-01.mp4", "clip-01.jpg", "clip-02.mp4", "clip-02.jpg",
                "clip-03.mp4", "clip-03.jpg");
    }

    @Test
    void the_report_carries_the_probed_video_the_detectors_chapters_and_its_notes() {
        ClipVideo.Report report = clipVideo(fakeRenderer, 1).execute(command(lively, 1), (stage, percent) -> { })
                .orElseThrow();

        assertThat(report.video().durationMs()).isEqualTo(600_000);
        assertThat(report.chapters()).extracting(chapter -> chapter.range())
                .containsExactly(new TimeRange(0, 305_000), new TimeRange(305_000, 600_000));
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("local detector: measured"));
    }

    @Test
    void what_the_detector_heard_during_each_clip_is_burned_in_as_captions_and_nothing_from_outside_it() {
        FakeAiDetector ai = new FakeAiDetector(); // hears a segment every 4 s
        ClipVideo withAi = new ClipVideo(new FakeMediaProbe(media), new FakeSignalExtractor(media), ai, fakeRenderer,
                new ViralityScorer(), 1);

        ClipVideo.Report report = withAi.execute(command(lively, 2), (stage, percent) -> { }).orElseThrow();

        assertThat(report.clips()).hasSize(2);
        for (ClipVideo.RenderedClip clip : report.clips()) {
            ClipRenderer.Request request = fakeRenderer.rendered().stream()
                    .filter(r -> r.range().equals(clip.range())).findFirst().orElseThrow();
            assertThat(request.captions()).hasSizeGreaterThanOrEqualTo((int) (clip.range().durationMs() / 4_000) - 1)
                    .allSatisfy(cue -> assertThat(clip.range().contains(cue.range())).isTrue())
                    .allSatisfy(cue -> assertThat(cue.text()).startsWith("Said at "));
        }
    }

    @Test
    void the_local_detector_hears_nothing_so_its_clips_have_no_captions() {
        clipVideo(fakeRenderer, 1).execute(command(lively, 2), (stage, percent) -> { }).orElseThrow();

        assertThat(fakeRenderer.rendered()).hasSize(2).allSatisfy(r -> assertThat(r.captions()).isEmpty());
    }

    @Test
    void clips_render_side_by_side_on_up_to_the_threads_given_and_come_back_in_rank_order() {
        ConcurrencyGauge gauge = new ConcurrencyGauge(fakeRenderer, 3);

        ClipVideo.Report report = clipVideo(gauge, 3).execute(command(lively, 5), (stage, percent) -> { }).orElseThrow();

        assertThat(gauge.mostAtOnce()).isEqualTo(3);
        assertThat(report.clips()).extracting(ClipVideo.RenderedClip::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(report.clips()).allSatisfy(clip -> assertThat(FakeClipRenderer.properties(clip.video()))
                .containsEntry("range_ms", clip.range().startMs() + "-" + clip.range().endMs()));
    }

    @Test
    void a_file_that_is_not_a_video_is_rejected_with_the_probes_reason_and_nothing_is_written() throws IOException {
        URI noise = media.add(InMemoryMedia.randomBytes(1_000, 7));
        URI audioOnly = media.add(InMemoryMedia.audioOnly(60_000).bytes());

        assertThat(clipVideo(fakeRenderer, 2).execute(command(noise, 3), (stage, percent) -> { }))
                .isEqualTo(Outcome.rejected("the file is not a video Truss can read"));
        assertThat(clipVideo(fakeRenderer, 2).execute(command(audioOnly, 3), (stage, percent) -> { }))
                .isEqualTo(Outcome.rejected("the file has no video stream"));
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void a_failed_render_fails_the_run_with_the_renderers_message_and_leaves_no_file_of_that_clip() throws IOException {
        ClipVideo clipVideo = clipVideo(new FailingOnCall(fakeRenderer, 1), 1);

        assertThatThrownBy(() -> clipVideo.execute(command(lively, 3), (stage, percent) -> { }))
                .isInstanceOf(MediaException.class).hasMessage("ffmpeg exited with 1 (injected by the test)");
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void clips_finished_before_a_failure_stay_whole_and_the_rest_never_start() throws IOException {
        FailingOnCall renderer = new FailingOnCall(fakeRenderer, 3);

        assertThatThrownBy(() -> clipVideo(renderer, 1).execute(command(lively, 5), (stage, percent) -> { }))
                .isInstanceOf(MediaException.class);

        assertThat(filesIn(out)).containsExactlyInAnyOrder("clip-01.mp4", "clip-01.jpg", "clip-02.mp4", "clip-02.jpg");
        assertThat(renderer.calls()).isEqualTo(3);
    }

    @Test
    void progress_rises_from_probing_through_each_render_to_done_at_100() {
        List<String> stages = Collections.synchronizedList(new ArrayList<>());
        List<Integer> percents = Collections.synchronizedList(new ArrayList<>());

        clipVideo(fakeRenderer, 2).execute(command(lively, 3), (stage, percent) -> {
            stages.add(stage);
            percents.add(percent);
        });

        assertThat(percents).isSorted().startsWith(0).endsWith(100);
        assertThat(stages.stream().distinct().toList()).startsWith("probing", "measuring signals", "finding moments",
                "ranking", "rendering 1/3").contains("rendering 3/3").endsWith("done");
    }

    @Test
    void a_video_too_short_for_a_clip_gives_an_empty_report_that_says_why() throws IOException {
        URI teaser = media.add(InMemoryMedia.video(10_000).loud(2, 4).bytes());

        ClipVideo.Report report = clipVideo(fakeRenderer, 2).execute(command(teaser, 3), (stage, percent) -> { })
                .orElseThrow();

        assertThat(report.clips()).isEmpty();
        assertThat(report.notes()).contains("0 clips made of the 3 asked for: the detector proposed no moment")
                .anySatisfy(note -> assertThat(note).contains("shorter than the shortest clip"));
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void a_command_asks_for_1_to_50_clips() {
        assertThatThrownBy(() -> command(lively, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> command(lively, 51)).isInstanceOf(IllegalArgumentException.class);
        assertThat(command(lively, 50).count()).isEqualTo(50);
        assertThatThrownBy(() -> new ClipVideo.Command(lively, 3, POLICY, null, ClipRenderer.Quality.FULL, out))
                .isInstanceOf(NullPointerException.class);
    }

    private ClipVideo clipVideo(ClipRenderer renderer, int threads) {
        return new ClipVideo(new FakeMediaProbe(media), new FakeSignalExtractor(media), new LocalMomentDetector(POLICY),
                renderer, new ViralityScorer(), threads);
    }

    private ClipVideo.Command command(URI source, int count) {
        return new ClipVideo.Command(source, count, POLICY, Layout.BLURRED_FIT, ClipRenderer.Quality.PREVIEW, out);
    }

    /** Every file and directory under {@code directory}, hidden work directories included. */
    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> !path.equals(directory)).map(path -> directory.relativize(path).toString()).toList();
        }
    }

    /** Counts renders running at once; the first {@code expected} wait for each other, so they surely overlap. */
    private static final class ConcurrencyGauge implements ClipRenderer {
        private final ClipRenderer renderer;
        private final CountDownLatch allIn;
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();

        ConcurrencyGauge(ClipRenderer renderer, int expected) {
            this.renderer = renderer;
            this.allIn = new CountDownLatch(expected);
        }

        @Override
        public Rendered render(Request request, java.util.function.IntConsumer percentDone) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                allIn.countDown();
                allIn.await(10, TimeUnit.SECONDS);
                return renderer.render(request, percentDone);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaException("interrupted", e);
            } finally {
                running.decrementAndGet();
            }
        }

        int mostAtOnce() {
            return mostAtOnce.get();
        }
    }

    /** Fails call number {@code failing} after writing part of a clip into the work directory, as a real encoder would. */
    private static final class FailingOnCall implements ClipRenderer {
        private final ClipRenderer renderer;
        private final int failing;
        private final AtomicInteger calls = new AtomicInteger();

        FailingOnCall(ClipRenderer renderer, int failing) {
            this.renderer = renderer;
            this.failing = failing;
        }

        @Override
        public Rendered render(Request request, java.util.function.IntConsumer percentDone) {
            if (calls.incrementAndGet() != failing) {
                return renderer.render(request, percentDone);
            }
            try {
                Files.writeString(request.outputDirectory().resolve("half.mp4"), "half a clip");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            throw new MediaException("ffmpeg exited with 1 (injected by the test)");
        }

        int calls() {
            return calls.get();
        }
    }
}
