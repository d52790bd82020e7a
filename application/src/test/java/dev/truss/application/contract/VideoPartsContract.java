package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.VideoParts;
import dev.truss.application.port.media.VideoParts.Part;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link VideoParts} must do: write one playable file per range into the directory,
 * in the order the ranges were given, each lasting its range's length (within
 * {@link #DURATION_TOLERANCE_MS}) and with sound exactly when the source has sound; report
 * progress from 0 to 100, rising only; and leave no file behind when it fails.
 *
 * <p>The failures, as this suite pins them down:
 * <ul>
 *   <li>a range that starts or ends after the video: {@link MediaException}, before any file
 *       is written (only the source knows how long it is, so this is a media failure, not a
 *       programming error). A range may end exactly where the video ends;</li>
 *   <li>a reversed or empty range cannot reach the port: {@link TimeRange} refuses it when it
 *       is made, with an {@link IllegalArgumentException} (the domain's
 *       {@code InvalidValueException});</li>
 *   <li>a source that is missing or is no video: {@link MediaException};</li>
 *   <li>no ranges: no parts, and no file.</li>
 * </ul>
 * A part's file has its own clock: its time 0 is its range's start on the source's timeline,
 * and {@link Part#range()} says where it came from.
 *
 * <p>The parts are checked with the {@link MediaProbe} the adapter's test supplies, which must
 * read the sources and the written parts ({@code file:} URIs). The samples last at least 10 s.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class VideoPartsContract {

    /** How far a part's length may be from its range's: half a second, one frame of a 2 fps proxy. */
    protected static final long DURATION_TOLERANCE_MS = 500;

    @TempDir
    Path dir;

    private VideoParts parts;
    private MediaProbe probe;
    private Path out;

    protected abstract VideoParts newParts();

    /** A probe that reads the samples and the parts written (as {@code file:} URIs). */
    protected abstract MediaProbe newProbe();

    /** A playable video with sound, at least 10 s long. */
    protected abstract URI videoWithAudio() throws Exception;

    /** A playable video without an audio stream, at least 10 s long. */
    protected abstract URI videoWithoutAudio() throws Exception;

    /** A file that cannot be decoded (random bytes, say). */
    protected abstract URI undecodableFile() throws Exception;

    @BeforeEach
    void newPartsProbeAndOutputDirectory() throws Exception {
        parts = newParts();
        probe = newProbe();
        out = Files.createDirectories(dir.resolve("out"));
    }

    @Test
    void cutting_ranges_writes_one_playable_file_per_range_in_the_order_given() throws Exception {
        // Lengths of 3, 1 and 2 s, out of order: each file's length tells which range it holds.
        List<TimeRange> ranges = List.of(new TimeRange(6_000, 9_000), new TimeRange(1_000, 2_000),
                new TimeRange(2_500, 4_500));

        List<Part> cut = parts.cut(videoWithAudio(), ranges, out, percent -> { });

        assertThat(cut).extracting(Part::range).containsExactlyElementsOf(ranges);
        assertThat(cut).extracting(Part::file).doesNotHaveDuplicates();
        for (Part part : cut) {
            assertThat(part.file()).isRegularFile();
            assertThat(part.file().toAbsolutePath().getParent()).isEqualTo(out.toAbsolutePath());
            assertLastsItsRange(part);
        }
        assertThat(filesIn(out)).containsExactlyInAnyOrderElementsOf(
                cut.stream().map(part -> part.file().toAbsolutePath()).toList());
    }

    @Test
    void a_part_of_a_video_with_sound_has_sound() throws Exception {
        List<Part> cut = parts.cut(videoWithAudio(), List.of(new TimeRange(1_000, 3_000)), out, percent -> { });

        assertThat(playable(cut.get(0)).hasAudio()).isTrue();
    }

    @Test
    void a_part_of_a_video_without_sound_has_none() throws Exception {
        List<Part> cut = parts.cut(videoWithoutAudio(), List.of(new TimeRange(1_000, 3_000)), out, percent -> { });

        assertLastsItsRange(cut.get(0));
        assertThat(playable(cut.get(0)).hasAudio()).isFalse();
    }

    @Test
    void the_last_part_may_end_where_the_video_ends() throws Exception {
        URI source = videoWithAudio();
        long end = duration(source);
        TimeRange tail = new TimeRange(end - 2_000, end);

        List<Part> cut = parts.cut(source, List.of(tail), out, percent -> { });

        assertThat(cut).singleElement().extracting(Part::range).isEqualTo(tail);
        assertLastsItsRange(cut.get(0));
    }

    @Test
    void overlapping_and_repeated_ranges_each_get_a_file_of_their_own() throws Exception {
        TimeRange range = new TimeRange(1_000, 3_000);
        List<TimeRange> ranges = List.of(range, new TimeRange(2_000, 4_000), range);

        List<Part> cut = parts.cut(videoWithAudio(), ranges, out, percent -> { });

        assertThat(cut).extracting(Part::range).containsExactlyElementsOf(ranges);
        assertThat(cut).extracting(Part::file).doesNotHaveDuplicates();
        assertThat(filesIn(out)).hasSize(3);
    }

    @Test
    void two_cuts_into_the_same_directory_keep_each_others_files() throws Exception {
        URI source = videoWithAudio();
        List<TimeRange> ranges = List.of(new TimeRange(1_000, 2_000));

        Path first = parts.cut(source, ranges, out, percent -> { }).get(0).file();
        Path second = parts.cut(source, ranges, out, percent -> { }).get(0).file();

        assertThat(first).isNotEqualTo(second);
        assertThat(first).isRegularFile();
        assertThat(second).isRegularFile();
    }

    @Test
    void a_missing_output_directory_is_created() throws Exception {
        Path nested = dir.resolve("not").resolve("there");

        List<Part> cut = parts.cut(videoWithAudio(), List.of(new TimeRange(0, 1_000)), nested, percent -> { });

        assertThat(cut.get(0).file()).isRegularFile();
        assertThat(cut.get(0).file().toAbsolutePath().getParent()).isEqualTo(nested.toAbsolutePath());
    }

    @Test
    void no_ranges_give_no_parts_and_no_file() throws Exception {
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());

        assertThat(parts.cut(videoWithAudio(), List.of(), out, reported::add)).isEmpty();

        assertThat(filesIn(out)).isEmpty();
        assertThat(reported).isNotEmpty().isSorted();
        assertThat(reported.get(reported.size() - 1)).isEqualTo(100);
    }

    @Test
    void progress_rises_monotonically_from_0_to_100() throws Exception {
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());

        parts.cut(videoWithAudio(), List.of(new TimeRange(0, 3_000), new TimeRange(5_000, 8_000)), out,
                reported::add);

        assertThat(reported).isNotEmpty().isSorted().allSatisfy(p -> assertThat(p).isBetween(0, 100));
        assertThat(reported.get(0)).isZero();
        assertThat(reported.get(reported.size() - 1)).isEqualTo(100);
    }

    @Test
    void a_range_ending_after_the_video_fails_and_leaves_no_file() throws Exception {
        URI source = videoWithAudio();
        long end = duration(source);
        List<TimeRange> ranges = List.of(new TimeRange(0, 2_000), new TimeRange(end - 1_000, end + 2_000));

        assertThatThrownBy(() -> parts.cut(source, ranges, out, percent -> { })).isInstanceOf(MediaException.class);

        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void a_range_starting_after_the_video_fails_and_leaves_no_file() throws Exception {
        URI source = videoWithAudio();
        long end = duration(source);
        List<TimeRange> ranges = List.of(new TimeRange(end + 1_000, end + 3_000));

        assertThatThrownBy(() -> parts.cut(source, ranges, out, percent -> { })).isInstanceOf(MediaException.class);

        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void a_reversed_or_empty_range_cannot_even_be_asked_for() {
        assertThatThrownBy(() -> new TimeRange(4_000, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(2_000, 2_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_undecodable_source_fails_and_leaves_no_file() throws Exception {
        URI source = undecodableFile();

        assertThatThrownBy(() -> parts.cut(source, List.of(new TimeRange(0, 1_000)), out, percent -> { }))
                .isInstanceOf(MediaException.class);

        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void a_missing_source_fails_and_leaves_no_file() {
        URI missing = dir.resolve("nothing-here.mp4").toUri();

        assertThatThrownBy(() -> parts.cut(missing, List.of(new TimeRange(0, 1_000)), out, percent -> { }))
                .isInstanceOf(MediaException.class);

        assertThat(filesIn(out)).isEmpty();
    }

    /** The output directory of this test. */
    protected Path outputDirectory() {
        return out;
    }

    /** What the test's probe says of {@code part}'s file; fails the test when it is not playable. */
    protected VideoProperties playable(Part part) {
        MediaProbe.Result result = probe.probe(part.file().toUri());
        assertThat(result).as("the part %s is playable", part).isInstanceOf(MediaProbe.Playable.class);
        return ((MediaProbe.Playable) result).video();
    }

    private void assertLastsItsRange(Part part) {
        assertThat(playable(part).durationMs()).as("the length of %s", part)
                .isBetween(part.range().durationMs() - DURATION_TOLERANCE_MS,
                        part.range().durationMs() + DURATION_TOLERANCE_MS);
    }

    private long duration(URI source) {
        MediaProbe.Result result = probe.probe(source);
        assertThat(result).as("the contract's sample video must be playable").isInstanceOf(MediaProbe.Playable.class);
        long duration = ((MediaProbe.Playable) result).video().durationMs();
        assertThat(duration).as("the sample video lasts at least 10 s").isGreaterThanOrEqualTo(10_000);
        return duration;
    }

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> !path.equals(directory)).map(Path::toAbsolutePath).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
