package dev.truss.application.port.storage;

import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapters;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.util.Optional;

/** A creator's uploaded videos, and what their analysis found besides clips: chapters, detector, notes, transcript. */
public interface AssetStore {

    WriteResult<Asset> create(Asset asset);

    Optional<Asset> find(CreatorId creator, AssetId asset);

    /** Newest first; a page of N holds N assets (never their analyses or transcripts). */
    Page<Asset> listNewestFirst(CreatorId creator, PageRequest page);

    WriteResult<Asset> update(Asset asset);

    /**
     * Replaces the asset's analysis and transcript with these: writing the same twice is harmless,
     * and a reader sees either the old pair or the new one, never a mix. {@code transcript} must
     * have as many segments as {@code analysis} says ({@link IllegalArgumentException} otherwise).
     */
    void saveAnalysis(Analysis analysis, Transcript transcript);

    /** The asset's analysis without its transcript: one read, whatever the transcript's length. */
    Optional<Analysis> findAnalysis(CreatorId creator, AssetId asset);

    /** The asset's transcript; empty when it has none (not analysed, or the detector could not hear). */
    Transcript findTranscript(CreatorId creator, AssetId asset);

    /** Replaces the asset's analysis with one of chapters only, as analyses were stored before detectors were recorded. */
    default void saveChapters(Chapters chapters) {
        saveAnalysis(Analysis.chaptersOnly(chapters), Transcript.EMPTY);
    }

    /** The chapters of the asset's analysis. */
    default Optional<Chapters> findChapters(CreatorId creator, AssetId asset) {
        return findAnalysis(creator, asset).map(Analysis::chaptersOf);
    }
}
