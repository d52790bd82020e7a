package dev.truss.application.contract;

import static dev.truss.application.contract.Writes.alreadyExisting;
import static dev.truss.application.contract.Writes.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.Chapters;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link AssetStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class AssetStoreContract {

    protected abstract AssetStore newStore();

    private AssetStore store;
    private final CreatorId creator = Fixtures.creatorId();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    static List<Arguments> assetsInEveryState() {
        CreatorId owner = Fixtures.creatorId();
        return List.of(
                Arguments.of(Named.of("awaiting upload, without video properties", Fixtures.asset(owner))),
                Arguments.of(Named.of("analysed, with video properties", Fixtures.analysedAsset(owner))),
                Arguments.of(Named.of("failed, with a reason", Fixtures.failedAsset(owner))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assetsInEveryState")
    void a_created_asset_is_found_with_every_field(Asset asset) {
        assertThat(written(store.create(asset))).isEqualTo(asset);

        assertThat(store.find(asset.creatorId(), asset.id())).contains(asset);
    }

    @Test
    void creating_an_asset_twice_reports_the_stored_one() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);

        Asset retitled = new Asset(asset.id(), creator, "Another title", asset.objectKey(), asset.contentType(),
                asset.sizeBytes(), asset.state(), asset.video(), asset.failureReason(), asset.createdAt(),
                asset.updatedAt(), asset.version());
        assertThat(alreadyExisting(store.create(retitled))).isEqualTo(asset);
    }

    @Test
    void an_update_stores_and_returns_the_next_version() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Asset uploaded = asset.uploaded(Fixtures.video(), asset.createdAt().plusSeconds(60));

        Asset saved = written(store.update(uploaded));

        assertThat(saved).isEqualTo(uploaded.withVersion(asset.version() + 1));
        assertThat(store.find(creator, asset.id())).contains(saved);
    }

    @Test
    void an_update_from_a_stale_read_is_a_version_conflict_and_changes_nothing() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Asset current = written(store.update(asset.uploaded(Fixtures.video(), asset.createdAt())));

        assertThat(store.update(asset.failed("too late", asset.createdAt())))
                .isInstanceOf(WriteResult.VersionConflict.class);
        assertThat(store.find(creator, asset.id())).contains(current);
    }

    @Test
    void updating_an_unknown_asset_is_missing() {
        assertThat(store.update(Fixtures.asset(creator))).isInstanceOf(WriteResult.Missing.class);
    }

    @Test
    void a_creator_never_sees_another_creators_assets_or_chapters() {
        Asset theirs = Fixtures.asset(creator);
        store.create(theirs);
        Transcript transcript = Fixtures.transcript(5);
        store.saveAnalysis(Fixtures.analysis(creator, theirs.id(), 2, transcript), transcript);
        CreatorId someoneElse = Fixtures.creatorId();

        assertThat(store.find(someoneElse, theirs.id())).isEmpty();
        assertThat(store.findChapters(someoneElse, theirs.id())).isEmpty();
        assertThat(store.findAnalysis(someoneElse, theirs.id())).isEmpty();
        assertThat(store.findTranscript(someoneElse, theirs.id())).isEqualTo(Transcript.EMPTY);
        assertThat(store.listNewestFirst(someoneElse, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void paging_through_more_than_one_page_returns_every_asset_once_newest_first() {
        List<Asset> created = createAssets(7);

        List<Page<Asset>> pages = Pages.all(page -> store.listNewestFirst(creator, page), 3);

        assertThat(Pages.sizes(pages)).containsExactly(3, 3, 1);
        assertThat(Pages.items(pages)).containsExactlyElementsOf(Pages.reversed(created));
    }

    @Test
    void a_page_that_ends_at_the_last_asset_has_no_next() {
        List<Asset> created = createAssets(3);

        Page<Asset> page = store.listNewestFirst(creator, PageRequest.first(3));

        assertThat(page.items()).containsExactlyElementsOf(Pages.reversed(created));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void a_page_of_n_assets_holds_exactly_n_assets_and_never_their_analyses_or_transcripts() {
        List<Asset> created = createAssets(4);
        Transcript transcript = Fixtures.transcript(3);
        created.forEach(asset -> store.saveAnalysis(Fixtures.analysis(creator, asset.id(), 3, transcript), transcript));

        List<Page<Asset>> pages = Pages.all(page -> store.listNewestFirst(creator, page), 2);

        assertThat(Pages.sizes(pages)).containsExactly(2, 2);
        assertThat(Pages.items(pages)).containsExactlyElementsOf(Pages.reversed(created));
    }

    @Test
    void listing_no_assets_is_one_empty_page_without_next() {
        Page<Asset> page = store.listNewestFirst(creator, PageRequest.first(5));

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void an_updated_asset_keeps_its_place_in_the_listing() {
        List<Asset> created = createAssets(3);
        Asset middle = created.get(1);
        Asset saved = written(store.update(middle.uploaded(Fixtures.video(), middle.createdAt())));

        assertThat(store.listNewestFirst(creator, PageRequest.first(10)).items())
                .containsExactly(created.get(2), saved, created.get(0));
    }

    @Test
    void saved_chapters_are_found_with_every_field() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Chapters chapters = Fixtures.chapters(creator, asset.id(), 3);

        store.saveChapters(chapters);

        assertThat(store.findChapters(creator, asset.id())).contains(chapters);
    }

    @Test
    void saving_the_same_chapters_twice_is_harmless() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Chapters chapters = Fixtures.chapters(creator, asset.id(), 3);

        store.saveChapters(chapters);
        store.saveChapters(chapters);

        assertThat(store.findChapters(creator, asset.id())).contains(chapters);
        assertThat(store.find(creator, asset.id())).contains(asset);
    }

    @Test
    void saving_chapters_again_replaces_the_old_ones() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        store.saveChapters(Fixtures.chapters(creator, asset.id(), 4));
        Chapters fewer = Fixtures.chapters(creator, asset.id(), 1);

        store.saveChapters(fewer);

        assertThat(store.findChapters(creator, asset.id())).contains(fewer);
    }

    @Test
    void an_asset_without_chapters_has_none() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);

        assertThat(store.findChapters(creator, asset.id())).isEmpty();
    }

    @Test
    void a_saved_analysis_is_found_with_every_field_and_its_transcript_whole() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Transcript transcript = Fixtures.transcript(40);
        Analysis analysis = Fixtures.analysis(creator, asset.id(), 3, transcript);

        store.saveAnalysis(analysis, transcript);

        assertThat(store.findAnalysis(creator, asset.id())).contains(analysis);
        assertThat(store.findTranscript(creator, asset.id())).isEqualTo(transcript);
        assertThat(store.findChapters(creator, asset.id())).contains(analysis.chaptersOf());
        assertThat(store.find(creator, asset.id())).contains(asset);
    }

    @Test
    void the_local_detectors_analysis_has_no_usage_and_no_transcript() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Analysis analysis = Fixtures.localAnalysis(creator, asset.id());

        store.saveAnalysis(analysis, Transcript.EMPTY);

        assertThat(store.findAnalysis(creator, asset.id())).contains(analysis);
        assertThat(store.findTranscript(creator, asset.id())).isEqualTo(Transcript.EMPTY);
    }

    @Test
    void an_asset_without_analysis_has_none_and_no_transcript() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);

        assertThat(store.findAnalysis(creator, asset.id())).isEmpty();
        assertThat(store.findTranscript(creator, asset.id())).isEqualTo(Transcript.EMPTY);
    }

    @Test
    void saving_an_analysis_again_replaces_it_and_its_transcript_whether_longer_shorter_or_none() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        for (int length : List.of(30, 5, 60, 0, 12)) {
            Transcript transcript = Fixtures.transcript(length);
            Analysis analysis = Fixtures.analysis(creator, asset.id(), 1 + length % 4, transcript);

            store.saveAnalysis(analysis, transcript);

            assertThat(store.findAnalysis(creator, asset.id())).as("after %d segments", length).contains(analysis);
            assertThat(store.findTranscript(creator, asset.id())).as("after %d segments", length).isEqualTo(transcript);
        }
    }

    @Test
    void saving_the_same_analysis_twice_is_harmless() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Transcript transcript = Fixtures.transcript(25);
        Analysis analysis = Fixtures.analysis(creator, asset.id(), 2, transcript);

        store.saveAnalysis(analysis, transcript);
        store.saveAnalysis(analysis, transcript);

        assertThat(store.findAnalysis(creator, asset.id())).contains(analysis);
        assertThat(store.findTranscript(creator, asset.id())).isEqualTo(transcript);
    }

    @Test
    void saving_chapters_alone_replaces_the_analysis_with_one_of_chapters_only() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Transcript transcript = Fixtures.transcript(8);
        store.saveAnalysis(Fixtures.analysis(creator, asset.id(), 2, transcript), transcript);
        Chapters chapters = Fixtures.chapters(creator, asset.id(), 3);

        store.saveChapters(chapters);

        assertThat(store.findAnalysis(creator, asset.id())).contains(Analysis.chaptersOnly(chapters));
        assertThat(store.findTranscript(creator, asset.id())).isEqualTo(Transcript.EMPTY);
    }

    @Test
    void a_transcript_of_four_hours_of_long_lines_in_many_scripts_comes_back_whole() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        String words = "Ünïcödé — \"quoted\" \\ 日本語のテキスト 😀 ".repeat(60);
        String line = words.substring(0, words.offsetByCodePoints(0, TranscriptSegment.MAX_TEXT_LENGTH - 10));
        List<TranscriptSegment> segments = new ArrayList<>();
        for (int i = 0; i < 1_440; i++) { // one every 10 s, each nearly as long as a segment may be
            segments.add(new TranscriptSegment(new TimeRange(i * 10_000L, i * 10_000L + 9_000), (i + 1) + " " + line));
        }
        Transcript transcript = new Transcript(segments);
        Analysis analysis = Fixtures.analysis(creator, asset.id(), 4, transcript);

        store.saveAnalysis(analysis, transcript);

        assertThat(store.findTranscript(creator, asset.id())).isEqualTo(transcript);
        assertThat(store.findAnalysis(creator, asset.id())).contains(analysis);
    }

    @Test
    void an_analysis_with_as_much_chapter_text_and_notes_as_it_may_hold_is_stored_whole() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        String summary = "Ünïcödé 日本語 \"quoted\" 😀 ".repeat(200);
        summary = summary.substring(0, summary.offsetByCodePoints(0, 2_000));
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            chapters.add(new Chapter(new TimeRange(i * 10_000L, (i + 1) * 10_000L), "Chapter " + i + " 😀".repeat(90),
                    summary));
        }
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < Analysis.MAX_NOTES; i++) {
            notes.add(i + " 😀".repeat(Analysis.MAX_NOTE_LENGTH));
        }
        Analysis analysis = Analysis.of(creator, asset.id(), "a-model-with-a-long-name", Analysis.chaptersThatFit(
                chapters), notes, Optional.of(new Analysis.Usage("a-model", 1, 1, 1)), Transcript.EMPTY);

        store.saveAnalysis(analysis, Transcript.EMPTY);

        assertThat(analysis.chapters()).hasSizeLessThan(chapters.size());
        assertThat(store.findAnalysis(creator, asset.id())).contains(analysis);
    }

    @Test
    void an_analysis_whose_transcript_has_another_length_than_it_says_is_refused() {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        Analysis analysis = Fixtures.analysis(creator, asset.id(), 2, Fixtures.transcript(3));

        assertThatThrownBy(() -> store.saveAnalysis(analysis, Fixtures.transcript(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findAnalysis(creator, asset.id())).isEmpty();
    }

    @Test
    void of_saves_of_one_analysis_racing_one_lands_whole_and_the_transcript_matches_it() throws Exception {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        Concurrently.run(6, () -> {
            int length = 10 * next.incrementAndGet();
            Transcript transcript = Fixtures.transcript(length);
            store.saveAnalysis(Fixtures.analysis(creator, asset.id(), 2, transcript), transcript);
            return length;
        });

        Analysis landed = store.findAnalysis(creator, asset.id()).orElseThrow();
        assertThat(store.findTranscript(creator, asset.id()))
                .isEqualTo(Fixtures.transcript(landed.transcriptSegments()));
    }

    @Test
    void of_racing_updates_from_one_read_exactly_one_wins() throws Exception {
        Asset asset = Fixtures.asset(creator);
        store.create(asset);

        List<WriteResult<Asset>> results = Concurrently.run(8,
                () -> store.update(asset.uploaded(Fixtures.video(), asset.createdAt())));

        assertThat(results).filteredOn(WriteResult.Written.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(WriteResult.VersionConflict.class::isInstance).hasSize(7);
    }

    private List<Asset> createAssets(int count) {
        List<Asset> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Asset asset = Fixtures.asset(creator);
            store.create(asset);
            created.add(asset);
        }
        return created;
    }
}
