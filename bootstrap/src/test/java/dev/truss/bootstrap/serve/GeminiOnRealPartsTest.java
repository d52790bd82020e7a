package dev.truss.bootstrap.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.adapters.gemini.AnswerJson;
import dev.truss.adapters.gemini.GeminiMomentDetector;
import dev.truss.adapters.gemini.GeminiSettings;
import dev.truss.adapters.gemini.GeminiStandIn;
import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegRun;
import dev.truss.adapters.media.FfmpegSignalExtractor;
import dev.truss.adapters.media.FfmpegVideoParts;
import dev.truss.adapters.media.FfprobeMediaProbe;
import dev.truss.adapters.media.SampleVideo;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.VideoParts;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.SceneCut;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-video path with real parts: FFmpeg cuts the video into overlapping parts, the real
 * google-genai client sends them to a Gemini stand-in whose answers give times from each part's
 * start, and the detection lands them on the video's timeline. The parts Gemini received are
 * measured too: their scene cuts sit where the video's do, minus the part's start, so a time the
 * model reads off a part really is that far into the part's range.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeminiOnRealPartsTest {

    /** The sample video's planted scene cuts, in seconds (SampleVideo.describe()). */
    private static final List<Integer> CUTS = List.of(30, 45, 60, 75);

    @TempDir
    Path dir;

    @Test
    void times_gemini_reads_off_a_real_part_land_on_the_videos_timeline_where_the_part_shows_them() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.locate(Optional.empty());
        Path video = dir.resolve("talk.mp4");
        SampleVideo.write(new FfmpegRun(ffmpeg), video, 320, 180);
        VideoProperties properties = ((MediaProbe.Playable) new FfprobeMediaProbe(ffmpeg).probe(video.toUri())).video();
        FfmpegSignalExtractor signals = new FfmpegSignalExtractor(ffmpeg);
        RecordingParts parts = new RecordingParts(new FfmpegVideoParts(ffmpeg));

        MomentDetector.Detection detection;
        try (GeminiStandIn gemini = GeminiStandIn.start("a-test-key")) {
            gemini.answer(
                    GeminiStandIn.Answer.text(AnswerJson.answer().moment(10, 25, "Early", 0.8, 0.6)
                            .segment(2, 4, "first part words").json()),
                    GeminiStandIn.Answer.text(AnswerJson.answer().moment(30, 45, "Late", 0.9, 0.9)
                            .segment(30, 34, "second part words").json()));
            GeminiSettings settings = GeminiSettings.of("a-test-key").withBaseUrl(gemini.baseUrl())
                    .withParts(Duration.ofMinutes(1), Duration.ofSeconds(20))
                    .withFileActiveWait(Duration.ofSeconds(10), Duration.ofMillis(10));
            try (GeminiMomentDetector detector = new GeminiMomentDetector(settings, parts,
                    new dev.truss.application.detect.LocalMomentDetector(
                            dev.truss.domain.moment.SelectionPolicy.defaults(),
                            dev.truss.domain.virality.ViralityWeights.defaults()))) {
                detection = detector.detect(new MomentDetector.Request(video.toUri(), properties,
                        signals.extract(video.toUri(), properties, percent -> { })), percent -> { });
            }

            assertThat(parts.ranges).hasSize(2);
            TimeRange second = parts.ranges.get(1);
            assertThat(second.startMs()).isPositive();
            assertThat(detection.detector()).isEqualTo(GeminiSettings.DEFAULT_MODEL);
            assertThat(detection.transcript()).extracting(TranscriptSegment::range, TranscriptSegment::text)
                    .contains(org.assertj.core.groups.Tuple.tuple(new TimeRange(2_000, 4_000), "first part words"),
                            org.assertj.core.groups.Tuple.tuple(new TimeRange(second.startMs() + 30_000,
                                    second.startMs() + 34_000), "second part words"));
            assertThat(detection.moments()).extracting(MomentDetector.Moment::title, m -> m.range())
                    .contains(org.assertj.core.groups.Tuple.tuple("Late", new TimeRange(second.startMs() + 30_000,
                            second.startMs() + 45_000)));

            // What Gemini was sent for the second part starts at that part's start: its cuts are the video's, shifted.
            Path received = Files.write(dir.resolve("part-2.mp4"), gemini.files().get("files/file-2"));
            VideoProperties part = ((MediaProbe.Playable) new FfprobeMediaProbe(ffmpeg).probe(received.toUri())).video();
            assertThat(part.durationMs()).isCloseTo(second.durationMs(), org.assertj.core.data.Offset.offset(600L));
            List<Long> partCuts = signals.extract(received.toUri(), part, percent -> { }).sceneCuts().stream()
                    .map(SceneCut::atMs).toList();
            int checked = 0;
            for (int cut : CUTS) {
                long expected = cut * 1_000L - second.startMs();
                if (expected > 1_000 && expected < second.durationMs() - 1_000) {
                    checked++;
                    assertThat(partCuts).as("the cut at %d s of the video, %d ms into the part", cut, expected)
                            .anySatisfy(at -> assertThat(at).isCloseTo(expected, org.assertj.core.data.Offset.offset(600L)));
                }
            }
            assertThat(checked).as("cuts inside the second part").isGreaterThanOrEqualTo(2);
        }
    }

    /** The real part cutter, remembering the ranges it was asked for. */
    private static final class RecordingParts implements VideoParts {
        private final VideoParts real;
        private final List<TimeRange> ranges = Collections.synchronizedList(new ArrayList<>());

        RecordingParts(VideoParts real) {
            this.real = real;
        }

        @Override
        public List<Part> cut(URI source, List<TimeRange> wanted, Path directory, IntConsumer percentDone) {
            ranges.addAll(wanted);
            return real.cut(source, wanted, directory, percentDone);
        }
    }
}
