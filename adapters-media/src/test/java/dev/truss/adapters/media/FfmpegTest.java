package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.media.MediaException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FfmpegTest {

    @TempDir
    Path directory;

    @Test
    void the_bundled_ffmpeg_is_found_and_runs() {
        Ffmpeg ffmpeg = Ffmpeg.locate(Optional.empty());

        FfmpegRun.Output version = new FfmpegRun(ffmpeg).probe(List.of("-version"), Duration.ofSeconds(20));

        assertThat(version.stdout()).startsWith("ffprobe version");
    }

    @Test
    void a_named_folder_without_ffmpeg_is_refused_with_the_fix() {
        assertThatThrownBy(() -> Ffmpeg.locate(Optional.of(directory)))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining(Ffmpeg.DIRECTORY_VARIABLE);
    }

    @Test
    void ffmpeg_reports_progress_and_a_failure_carries_its_own_words() {
        FfmpegRun run = new FfmpegRun(Ffmpeg.locate(Optional.empty()));
        List<Long> progress = new ArrayList<>();

        run.transcode(List.of("-f", "lavfi", "-i", "testsrc=size=64x64:rate=10:duration=2", "-f", "null", "-"),
                Duration.ofSeconds(30), progress::add);

        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isGreaterThanOrEqualTo(1_500_000L);
        assertThatThrownBy(() -> run.transcode(List.of("-i", directory.resolve("missing.mp4").toString(), "-f", "null",
                "-"), Duration.ofSeconds(30), any -> { }))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("missing.mp4");
    }

    @Test
    void a_run_past_its_deadline_is_stopped() {
        FfmpegRun run = new FfmpegRun(Ffmpeg.locate(Optional.empty()));

        assertThatThrownBy(() -> run.transcode(List.of("-re", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10:duration=30",
                "-f", "null", "-"), Duration.ofSeconds(1), any -> { }))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("did not finish within");
    }
}
