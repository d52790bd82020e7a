package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MediaProbe.NotPlayable;
import dev.truss.application.port.media.MediaProbe.Playable;
import dev.truss.domain.asset.VideoProperties;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MediaProbe} must do: say "playable" with plausible properties for real
 * videos, and "not playable" with a reason for the creator for anything else. An adapter's
 * test supplies small sample files (a few seconds each) as local files or download URLs.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class MediaProbeContract {

    private MediaProbe probe;

    protected abstract MediaProbe newProbe();

    /** A short video with a video and an audio stream. */
    protected abstract URI videoWithAudio() throws Exception;

    /** A short video with a video stream only. */
    protected abstract URI videoWithoutAudio() throws Exception;

    /** A sound file (or a container holding only audio). */
    protected abstract URI audioOnly() throws Exception;

    /** A few kilobytes of random bytes. */
    protected abstract URI randomBytes() throws Exception;

    /** A file of zero bytes. */
    protected abstract URI emptyFile() throws Exception;

    @BeforeEach
    void newProbeForEachTest() {
        probe = newProbe();
    }

    @Test
    void a_video_with_audio_is_playable_with_plausible_properties() throws Exception {
        VideoProperties video = playable(probe.probe(videoWithAudio()));

        assertPlausible(video);
        assertThat(video.hasAudio()).isTrue();
    }

    @Test
    void a_video_without_audio_is_playable_and_says_it_has_no_audio() throws Exception {
        VideoProperties video = playable(probe.probe(videoWithoutAudio()));

        assertPlausible(video);
        assertThat(video.hasAudio()).isFalse();
    }

    @Test
    void an_audio_only_file_is_not_playable_and_says_why() throws Exception {
        assertNotPlayableWithReason(probe.probe(audioOnly()));
    }

    @Test
    void random_bytes_are_not_playable_and_say_why() throws Exception {
        assertNotPlayableWithReason(probe.probe(randomBytes()));
    }

    @Test
    void an_empty_file_is_not_playable_and_says_why() throws Exception {
        assertNotPlayableWithReason(probe.probe(emptyFile()));
    }

    @Test
    void probing_the_same_file_twice_gives_the_same_answer() throws Exception {
        URI video = videoWithAudio();

        assertThat(probe.probe(video)).isEqualTo(probe.probe(video));
    }

    private static VideoProperties playable(MediaProbe.Result result) {
        assertThat(result).isInstanceOf(Playable.class);
        return ((Playable) result).video();
    }

    private static void assertPlausible(VideoProperties video) {
        assertThat(video.durationMs()).isBetween(1L, 24 * 3_600_000L);
        assertThat(video.width()).isBetween(16, 8192);
        assertThat(video.height()).isBetween(16, 8192);
        assertThat(video.framesPerSecond()).isGreaterThan(0).isLessThanOrEqualTo(240);
        assertThat(video.container()).isNotBlank();
        assertThat(video.videoCodec()).isNotBlank();
    }

    private static void assertNotPlayableWithReason(MediaProbe.Result result) {
        assertThat(result).isInstanceOfSatisfying(NotPlayable.class,
                notPlayable -> assertThat(notPlayable.reason()).isNotBlank());
    }
}
