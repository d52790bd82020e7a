package dev.truss.bootstrap.cli;

import dev.truss.application.detect.ClipVideo;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.Contribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code report.json}: what {@code truss clip} found, in times (ms) and scores with their reasons. */
final class ClipReport {

    record Report(String source, Video video, List<Clip> clips, List<ChapterEntry> chapters, List<String> notes) {
    }

    record Video(long durationMs, int width, int height, double framesPerSecond, boolean hasAudio, String container,
                 String videoCodec) {
    }

    record Clip(int rank, String file, String thumbnail, long startMs, long endMs, long durationMs, String title,
                String hookLine, String caption, int score, List<Reason> reasons, String framing) {
    }

    record Reason(String signal, int points, String reason) {
    }

    record ChapterEntry(long startMs, long endMs, String title, String summary) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ClipReport() {
    }

    static Path write(Path out, Path source, ClipVideo.Report found) throws IOException {
        var video = found.video();
        Report report = new Report(source.toString(),
                new Video(video.durationMs(), video.displayWidth(), video.displayHeight(), video.framesPerSecond(),
                        video.hasAudio(), video.container(), video.videoCodec()),
                found.clips().stream().map(clip -> new Clip(clip.rank(), relative(out, clip.video()),
                        relative(out, clip.thumbnail()), clip.range().startMs(), clip.range().endMs(),
                        clip.range().durationMs(), clip.title(), clip.hookLine(), clip.caption(), clip.score().value(),
                        clip.score().contributions().stream().map(ClipReport::reason).toList(), clip.framing())).toList(),
                found.chapters().stream().map(ClipReport::chapter).toList(),
                found.notes());
        Path file = out.resolve("report.json");
        Files.writeString(file, JSON.writeValueAsString(report));
        return file;
    }

    /** {@code 01:02.5–01:30.0}: how a creator reads a clip's place in the video. */
    static String times(TimeRange range) {
        return clock(range.startMs()) + "–" + clock(range.endMs());
    }

    private static String clock(long ms) {
        return String.format("%02d:%04.1f", ms / 60_000, (ms % 60_000) / 1000.0);
    }

    private static String relative(Path out, Path file) {
        return out.relativize(file.toAbsolutePath()).toString();
    }

    private static Reason reason(Contribution contribution) {
        return new Reason(contribution.signal().name(), contribution.points(), contribution.reason());
    }

    private static ChapterEntry chapter(Chapter chapter) {
        return new ChapterEntry(chapter.range().startMs(), chapter.range().endMs(), chapter.title(), chapter.summary());
    }
}
