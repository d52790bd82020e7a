package dev.truss.domain.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalysisTest {

    private static final CreatorId CREATOR = CreatorId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C4");
    private static final AssetId ASSET = AssetId.parse("01HZY3K7Q8M4T2V6W9X0A1B2C3");
    private static final List<Chapter> CHAPTERS = List.of(new Chapter(new TimeRange(0, 60_000), "Intro", ""),
            new Chapter(new TimeRange(60_000, 120_000), "Boss", "The fight"));

    @Test
    void an_analysis_records_the_detector_its_notes_its_usage_and_the_length_of_its_transcript() {
        Transcript transcript = new Transcript(List.of(new TranscriptSegment(new TimeRange(0, 2_000), "Hello")));
        Analysis.Usage usage = new Analysis.Usage("gemini-2.5-flash", 12_000, 800, 2);

        Analysis analysis = Analysis.of(CREATOR, ASSET, "gemini-2.5-flash", CHAPTERS,
                List.of("repaired an overlapping chapter"), Optional.of(usage), transcript);

        assertThat(analysis.detector()).contains("gemini-2.5-flash");
        assertThat(analysis.chapters()).isEqualTo(CHAPTERS);
        assertThat(analysis.notes()).containsExactly("repaired an overlapping chapter");
        assertThat(analysis.usage()).contains(usage);
        assertThat(analysis.transcriptSegments()).isEqualTo(1);
        assertThat(analysis.chaptersOf()).isEqualTo(new Chapters(CREATOR, ASSET, CHAPTERS));
    }

    @Test
    void an_analysis_stored_before_detectors_were_recorded_has_chapters_and_nothing_else() {
        Analysis old = Analysis.chaptersOnly(new Chapters(CREATOR, ASSET, CHAPTERS));

        assertThat(old.detector()).isEmpty();
        assertThat(old.notes()).isEmpty();
        assertThat(old.usage()).isEmpty();
        assertThat(old.transcriptSegments()).isZero();
        assertThat(old.chapters()).isEqualTo(CHAPTERS);
    }

    @Test
    void notes_are_the_detectors_words_so_blank_ones_are_dropped_long_ones_cut_and_only_the_first_twenty_kept() {
        List<String> notes = new ArrayList<>(List.of(" ", "x".repeat(1_000)));
        for (int i = 0; i < 30; i++) {
            notes.add("note " + i);
        }

        Analysis analysis = Analysis.of(CREATOR, ASSET, "local", CHAPTERS, notes, Optional.empty(), Transcript.EMPTY);

        assertThat(analysis.notes()).hasSize(Analysis.MAX_NOTES);
        assertThat(analysis.notes().get(0)).hasSize(Analysis.MAX_NOTE_LENGTH).endsWith("…");
        assertThat(analysis.notes().get(1)).isEqualTo("note 0");
        assertThat(Analysis.of(CREATOR, ASSET, "local", CHAPTERS, analysis.notes(), Optional.empty(),
                Transcript.EMPTY)).isEqualTo(analysis);
    }

    @Test
    void chapters_out_of_order_a_blank_detector_or_negative_counts_are_refused() {
        List<Chapter> overlapping = List.of(CHAPTERS.get(1), CHAPTERS.get(0));

        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Analysis.of(CREATOR, ASSET, "local",
                overlapping, List.of(), Optional.empty(), Transcript.EMPTY));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Analysis.of(CREATOR, ASSET, " ",
                CHAPTERS, List.of(), Optional.empty(), Transcript.EMPTY));
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new Analysis.Usage("gemini-2.5-flash", -1, 0, 1));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new Analysis(CREATOR, ASSET,
                Optional.of("local"), CHAPTERS, List.of(), Optional.empty(), -1));
    }

    @Test
    void chapters_beyond_what_one_stored_item_can_hold_are_refused_and_chapters_that_fit_keeps_the_first_ones() {
        List<Chapter> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // 200 chapters of 1,000 four-byte characters: about 800 KB
            many.add(new Chapter(new TimeRange(i * 10_000L, (i + 1) * 10_000L), "Chapter " + i, "😀".repeat(1_000)));
        }

        List<Chapter> kept = Analysis.chaptersThatFit(many);

        assertThat(kept).hasSizeBetween(60, 70).isEqualTo(many.subList(0, kept.size()));
        assertThat(Analysis.of(CREATOR, ASSET, "local", kept, List.of(), Optional.empty(), Transcript.EMPTY).chapters())
                .isEqualTo(kept);
        assertThat(Analysis.chaptersThatFit(kept)).isEqualTo(kept);
        assertThat(Analysis.chaptersThatFit(CHAPTERS)).isEqualTo(CHAPTERS);
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Analysis.of(CREATOR, ASSET, "local",
                many.subList(0, kept.size() + 1), List.of(), Optional.empty(), Transcript.EMPTY))
                .withMessageContaining("bytes");
    }
}
