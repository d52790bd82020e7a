package dev.truss.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleVideoTest {

    @TempDir
    Path directory;

    @Test
    void the_sample_is_a_90_second_video_with_sound() {
        FfmpegRun run = new FfmpegRun(Ffmpeg.locate(Optional.empty()));
        Path sample = directory.resolve("sample.mp4");

        SampleVideo.write(run, sample, 160, 90);

        String probe = run.probe(List.of("-v", "error", "-show_entries", "format=duration:stream=codec_type,width,height",
                "-of", "compact", sample.toString()), Duration.ofSeconds(30)).stdout();
        assertThat(sample).satisfies(file -> assertThat(Files.size(file)).isPositive());
        assertThat(probe).contains("codec_type=video|width=160|height=90").contains("codec_type=audio");
        double seconds = Double.parseDouble(probe.replaceAll("(?s).*duration=([0-9.]+).*", "$1"));
        assertThat(seconds).isBetween(89.9, 90.2);
    }
}
