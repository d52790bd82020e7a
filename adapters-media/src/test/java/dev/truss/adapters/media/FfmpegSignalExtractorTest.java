package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.truss.application.contract.SignalExtractorContract;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.SignalExtractor;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FfmpegSignalExtractorTest extends SignalExtractorContract {

    /** One frame of the planted video is 40 ms; a cut may be reported a frame late. */
    private static final long CUT_TOLERANCE_MS = 100;
    private static final long SILENCE_TOLERANCE_MS = 250;
    private static final double FLOOR_DB = FfmpegSignalExtractor.Settings.defaults().loudnessFloorDb();

    private static final HttpFiles HTTP = new HttpFiles();
    /** The planted video measured once with the default settings, for the tests that only read it. */
    private static EngagementTimeline planted;

    @TempDir
    Path directory;

    @BeforeAll
    static void measurePlantedVideo() {
        planted = new FfmpegSignalExtractor(TestVideos.ffmpeg()).extract(TestVideos.planted().toUri(),
                probed(TestVideos.planted()), percent -> { });
    }

    @AfterAll
    static void stopServer() {
        HTTP.close();
    }

    @Override
    protected SignalExtractor newExtractor() {
        return new FfmpegSignalExtractor(TestVideos.ffmpeg());
    }

    @Override
    protected MediaProbe newProbe() {
        return new FfprobeMediaProbe(TestVideos.ffmpeg());
    }

    @Override
    protected URI playableVideo() {
        return TestVideos.planted().toUri();
    }

    @Override
    protected URI undecodableFile() {
        return TestVideos.randomBytes().toUri();
    }

    @Test
    void the_timeline_lasts_the_probed_duration_with_a_sample_for_the_partial_last_second() {
        assertThat(planted.durationMs()).isEqualTo(probed(TestVideos.planted()).durationMs());
        assertThat(planted.loudnessPerSecondDb()).hasSize(13);
        assertThat(planted.motionPerSecond()).hasSize(13);
    }

    @Test
    void the_planted_hard_cuts_are_found_within_a_frame_and_nothing_else_is() {
        assertThat(planted.sceneCuts()).hasSize(TestVideos.PLANTED_CUTS_MS.size());
        for (int i = 0; i < planted.sceneCuts().size(); i++) {
            SceneCut cut = planted.sceneCuts().get(i);
            assertThat(cut.atMs()).isCloseTo(TestVideos.PLANTED_CUTS_MS.get(i), offset(CUT_TOLERANCE_MS));
            assertThat(cut.score()).isBetween(0.1, 1.0);
        }
    }

    @Test
    void the_planted_silences_are_found_with_their_bounds_within_a_quarter_second() {
        assertThat(planted.silences()).hasSize(TestVideos.PLANTED_SILENCES.size());
        for (int i = 0; i < planted.silences().size(); i++) {
            TimeRange found = planted.silences().get(i);
            TimeRange plantedSilence = TestVideos.PLANTED_SILENCES.get(i);
            assertThat(found.startMs()).isCloseTo(plantedSilence.startMs(), offset(SILENCE_TOLERANCE_MS));
            assertThat(found.endMs()).isCloseTo(plantedSilence.endMs(), offset(SILENCE_TOLERANCE_MS));
        }
    }

    @Test
    void the_loud_seconds_are_the_loudest_and_silent_seconds_read_the_floor() {
        List<Double> loudness = planted.loudnessPerSecondDb();
        List<Integer> loudestFirst = IntStream.range(0, loudness.size()).boxed()
                .sorted(Comparator.comparing(loudness::get).reversed()).toList();

        assertThat(loudestFirst.subList(0, 3)).containsExactlyInAnyOrderElementsOf(TestVideos.PLANTED_LOUD_SECONDS);
        // a sine at −4 dBFS peak has an RMS of −7 dBFS; at −24 dBFS peak, −27 dBFS
        assertThat(loudness.get(6)).isCloseTo(-7, offset(1.0));
        assertThat(loudness.get(1)).isCloseTo(-27, offset(1.0));
        assertThat(loudness.get(3)).as("3–4 s lies inside the silence 2.5–4 s").isEqualTo(FLOOR_DB);
    }

    @Test
    void motion_is_higher_where_the_square_slides_than_where_the_picture_stands_still() {
        List<Double> motion = planted.motionPerSecond();
        double slowestMoving = TestVideos.PLANTED_MOVING_SECONDS.stream().mapToDouble(motion::get).min().orElseThrow();
        double busiestStill = TestVideos.PLANTED_STILL_SECONDS.stream().mapToDouble(motion::get).max().orElseThrow();

        assertThat(slowestMoving).isGreaterThan(0.05);
        assertThat(busiestStill).isLessThan(0.01);
        assertThat(slowestMoving).isGreaterThan(10 * busiestStill);
    }

    @Test
    void the_seconds_with_a_cut_are_not_counted_as_motion() {
        // 7–8 s: the square slides until 7.6 s, then yellow stands still; the cut itself adds nothing
        assertThat(planted.motionPerSecond().get(7)).isLessThan(planted.motionPerSecond().get(5));
    }

    @Test
    void a_video_without_sound_is_one_silence_at_the_floor_with_its_cuts_and_motion() {
        VideoProperties video = probed(TestVideos.withoutAudio());

        EngagementTimeline timeline = newExtractor().extract(TestVideos.withoutAudio().toUri(), video, percent -> { });

        assertThat(timeline.loudnessPerSecondDb()).hasSize(13).containsOnly(FLOOR_DB);
        assertThat(timeline.silences()).containsExactly(new TimeRange(0, video.durationMs()));
        assertThat(timeline.sceneCuts()).hasSize(2);
        assertThat(timeline.motionPerSecond()).isEqualTo(planted.motionPerSecond());
    }

    @Test
    void a_portrait_60_fps_phone_clip_with_44_1_khz_stereo_is_measured_at_30_fps() {
        VideoProperties video = probed(TestVideos.phone());

        EngagementTimeline timeline = newExtractor().extract(TestVideos.phone().toUri(), video, percent -> { });

        assertThat(video.framesPerSecond()).isEqualTo(60);
        assertThat(video.displayHeight()).isGreaterThan(video.displayWidth());
        assertThat(timeline.sceneCuts()).extracting(SceneCut::atMs)
                .singleElement().satisfies(at -> assertThat(at).isCloseTo(2_000L, offset(1_000L / 30 + 1)));
        // one steady tone throughout: every second, the partial last one too, reads the same level
        double first = timeline.loudnessPerSecondDb().get(0);
        assertThat(first).isGreaterThan(-30);
        assertThat(timeline.loudnessPerSecondDb()).hasSize(4).allSatisfy(db -> assertThat(db).isCloseTo(first, offset(0.5)));
        assertThat(timeline.motionPerSecond().get(0)).isGreaterThan(timeline.motionPerSecond().get(3));
    }

    @Test
    void a_video_behind_a_presigned_url_is_measured_from_the_url() {
        URI url = HTTP.serve("planted.mp4", TestVideos.planted());

        EngagementTimeline timeline = newExtractor().extract(url, probed(TestVideos.planted()), percent -> { });

        assertThat(timeline).isEqualTo(planted);
    }

    @Test
    void silence_settings_change_what_counts_as_silence() {
        // the quiet tone peaks at −24 dBFS: below −20 dB it is silence too, so only the loud part is not
        FfmpegSignalExtractor strict = new FfmpegSignalExtractor(TestVideos.ffmpeg(),
                FfmpegSignalExtractor.Settings.defaults().withSilence(-20, Duration.ofSeconds(2)));

        EngagementTimeline timeline = strict.extract(TestVideos.planted().toUri(), probed(TestVideos.planted()),
                percent -> { });

        assertThat(timeline.silences()).hasSize(2);
        assertThat(timeline.silences().get(0).startMs()).isCloseTo(0, offset(SILENCE_TOLERANCE_MS));
        assertThat(timeline.silences().get(0).endMs()).isCloseTo(5_000, offset(SILENCE_TOLERANCE_MS));
        assertThat(timeline.silences().get(1).startMs()).isCloseTo(8_000, offset(SILENCE_TOLERANCE_MS));
        assertThat(timeline.silences().get(1).endMs()).as("a silence still open at the end lasts to the end")
                .isEqualTo(timeline.durationMs());
    }

    @Test
    void the_temporary_files_are_deleted_after_a_run_and_after_a_failure() throws IOException {
        FfmpegSignalExtractor extractor = new FfmpegSignalExtractor(TestVideos.ffmpeg(),
                FfmpegSignalExtractor.Settings.defaults().withWorkDirectory(directory));
        VideoProperties video = probed(TestVideos.planted());

        extractor.extract(TestVideos.planted().toUri(), video, percent -> { });
        assertThatThrownBy(() -> extractor.extract(TestVideos.randomBytes().toUri(), video, percent -> { }))
                .isInstanceOf(MediaException.class);

        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_temporary_folder_with_characters_the_filter_graph_treats_specially_still_works() throws IOException {
        Path odd = Files.createDirectories(directory.resolve("it's: a [test], run; ok\\ here"));
        FfmpegSignalExtractor extractor = new FfmpegSignalExtractor(TestVideos.ffmpeg(),
                FfmpegSignalExtractor.Settings.defaults().withWorkDirectory(odd));

        EngagementTimeline timeline = extractor.extract(TestVideos.planted().toUri(), probed(TestVideos.planted()),
                percent -> { });

        assertThat(timeline).isEqualTo(planted);
    }

    @Test
    void an_undecodable_file_fails_with_ffmpegs_own_words() {
        assertThatThrownBy(() -> newExtractor().extract(TestVideos.randomBytes().toUri(),
                probed(TestVideos.planted()), percent -> { }))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("ffmpeg failed")
                .hasMessageContaining("random.mp4");
    }

    @Test
    void a_file_without_the_sound_the_probe_promised_fails_rather_than_inventing_silence() {
        VideoProperties withSound = probed(TestVideos.planted());

        assertThatThrownBy(() -> newExtractor().extract(TestVideos.withoutAudio().toUri(), withSound, percent -> { }))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("ffmpeg failed");
    }

    @Test
    void a_url_that_answers_404_keeps_the_signature_out_of_the_error() {
        assertThatThrownBy(() -> newExtractor().extract(HTTP.url("gone.mp4"), probed(TestVideos.planted()),
                percent -> { }))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("404")
                .hasMessageNotContaining("secret-signature");
    }

    @Test
    void an_interrupted_extraction_stops_ffmpeg_and_says_it_was_cancelled() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            Thread.currentThread().interrupt(); // interrupted before ffmpeg even finishes starting
            try {
                newExtractor().extract(TestVideos.planted().toUri(), probed(TestVideos.planted()), percent -> { });
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        worker.start();
        worker.join(30_000);

        assertThat(failure.get()).isInstanceOf(MediaException.class).hasMessageContaining("cancelled");
    }

    @Test
    void a_progress_listener_that_throws_fails_the_extraction_without_stalling_ffmpeg() {
        List<Integer> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> newExtractor().extract(TestVideos.planted().toUri(), probed(TestVideos.planted()),
                percent -> {
                    heard.add(percent);
                    if (percent > 0) {
                        throw new IllegalStateException("listener broke at " + percent + " %");
                    }
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(heard).startsWith(0);
    }

    @Test
    void the_filter_graph_measures_video_and_sound_in_one_pass_and_thins_fast_video() {
        FfmpegSignalExtractor.Outputs outputs = FfmpegSignalExtractor.Outputs.in(Path.of("/tmp/w"));
        FfmpegSignalExtractor.Settings settings = FfmpegSignalExtractor.Settings.defaults();

        String graph = FfmpegSignalExtractor.filterGraph(settings,
                new VideoProperties(60_000, "mov,mp4,m4a,3gp,3g2,mj2", "h264", 1920, 1080, 0, 59.94, true), outputs);

        assertThat(graph).isEqualTo("[0:V:0]fps=30,scale=160:-2:flags=area,scdet=threshold=10,"
                + "metadata=mode=print:file=/tmp/w/video.txt[v];"
                + "[0:a:0]silencedetect=noise=-35dB:duration=0.5,ametadata=mode=print:file=/tmp/w/silence.txt,"
                + "aresample=48000:async=1:first_pts=0,asetnsamples=n=4800:p=0,"
                + "astats=metadata=1:reset=1:measure_perchannel=none:measure_overall=RMS_level,"
                + "ametadata=mode=print:key=lavfi.astats.Overall.RMS_level:file=/tmp/w/loudness.txt[a]");
        assertThat(FfmpegSignalExtractor.filterGraph(settings,
                new VideoProperties(60_000, "mp4", "h264", 1280, 720, 0, 25, false), outputs))
                .isEqualTo("[0:V:0]scale=160:-2:flags=area,scdet=threshold=10,"
                        + "metadata=mode=print:file=/tmp/w/video.txt[v]");
    }

    @Test
    void a_path_is_escaped_for_the_option_and_then_for_the_graph() {
        assertThat(FfmpegSignalExtractor.filterPath(Path.of("/tmp/a:b/c'd [e],f;g h")))
                .isEqualTo("/tmp/a\\\\:b/c\\\\\\'d\\\\\\ \\[e\\]\\,f\\;g\\\\\\ h");
    }

    private static VideoProperties probed(Path file) {
        MediaProbe.Result result = new FfprobeMediaProbe(TestVideos.ffmpeg()).probe(file.toUri());
        assertThat(result).isInstanceOf(MediaProbe.Playable.class);
        return ((MediaProbe.Playable) result).video();
    }
}
