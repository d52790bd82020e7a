package dev.truss.singletable.stores;

import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.StartKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Assets at {@code CREATOR#<id> / ASSET#<assetId>}; each one's analysis apart, at
 * {@code CHAPTERS#<assetId>} (chapters, detector, notes, usage: one small item, so reading an
 * asset is two reads); its transcript in parts at
 * {@code TRANSCRIPT#<assetId>#<generation>#<hash>#<part>}, each part's JSON at most
 * {@value #PART_BUDGET_BYTES} bytes, so no item comes near DynamoDB's 400 KB whatever the
 * transcript's length.
 *
 * <p>A save writes the new parts first, then the analysis item pointing at them (conditional on
 * the version it read, the generation being that version plus one), then deletes every other
 * part of older generations or of its own. A reader follows the analysis item, so it sees the old
 * transcript or the new one, never a mix; a crash leaves only unreferenced parts, which the next
 * save deletes. Of
 * racing saves, the one whose analysis item lands wins; a loser deletes its parts and saves again
 * over the winner, as a put over a put would.
 */
final class TableAssetStore implements AssetStore {

    /** The JSON of a transcript part stays under this, leaving room for the key and attribute names. */
    static final int PART_BUDGET_BYTES = 300_000;
    /** Saves that lose a race try again this many times before giving up. */
    private static final int SAVE_ATTEMPTS = 10;

    /**
     * An analysis as stored: the chapters under {@code list}, as the chapters-only items Truss
     * wrote before, which lack everything else (so {@code detector}, {@code notes} and
     * {@code usage} read as null). {@code transcriptHash} is null without a transcript.
     */
    record AnalysisItem(CreatorId creatorId, AssetId assetId, List<Chapter> list, String detector, List<String> notes,
                        Analysis.Usage usage, int transcriptSegments, long transcriptGeneration,
                        String transcriptHash, int transcriptParts) {

        static AnalysisItem of(Analysis analysis, long generation, String hash, int parts) {
            return new AnalysisItem(analysis.creatorId(), analysis.assetId(), analysis.chapters(),
                    analysis.detector().orElse(null), analysis.notes(), analysis.usage().orElse(null),
                    analysis.transcriptSegments(), generation, hash, parts);
        }

        Analysis analysis() {
            return new Analysis(creatorId, assetId, Optional.ofNullable(detector), list == null ? List.of() : list,
                    notes == null ? List.of() : notes, Optional.ofNullable(usage), transcriptSegments);
        }
    }

    /** One part of a transcript: consecutive segments. */
    record TranscriptPart(List<TranscriptSegment> segments) {
    }

    private final Items items;

    TableAssetStore(Items items) {
        this.items = items;
    }

    @Override
    public WriteResult<Asset> create(Asset asset) {
        return items.create(items.item(Keys.asset(asset.creatorId(), asset.id()), asset), asset, Asset.class);
    }

    @Override
    public Optional<Asset> find(CreatorId creator, AssetId asset) {
        return items.find(Keys.asset(creator, asset), Asset.class);
    }

    @Override
    public Page<Asset> listNewestFirst(CreatorId creator, PageRequest page) {
        Query newestFirst = Query.table(Keys.creator(creator), SortKeyRange.beginsWith(Keys.ASSET_PREFIX), true, 1);
        return Paging.page(items.table(), newestFirst, page, item -> items.entity(item, Asset.class));
    }

    @Override
    public WriteResult<Asset> update(Asset asset) {
        return items.update(Keys.asset(asset.creatorId(), asset.id()), asset);
    }

    @Override
    public void saveAnalysis(Analysis analysis, Transcript transcript) {
        if (transcript.size() != analysis.transcriptSegments()) {
            throw new IllegalArgumentException("the analysis says " + analysis.transcriptSegments()
                    + " transcript segments, but the transcript has " + transcript.size());
        }
        List<String> parts = parts(transcript);
        String hash = parts.isEmpty() ? null : hash(parts);
        CreatorId creator = analysis.creatorId();
        AssetId asset = analysis.assetId();
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            Optional<Item> stored = items.table().get(Keys.analysis(creator, asset));
            Optional<Long> version = stored.flatMap(item -> item.number(Attributes.VERSION));
            long generation = version.orElse(0L) + 1;
            for (int part = 0; part < parts.size(); part++) {
                items.table().put(Item.of(Keys.transcriptPart(creator, asset, generation, hash, part))
                        .with(Attributes.DATA, parts.get(part)), Expect.anything());
            }
            Item item = items.item(Keys.analysis(creator, asset), AnalysisItem.of(analysis, generation, hash,
                    parts.size())).with(Attributes.VERSION, generation);
            // An item of chapters only, from before versions, is replaced whatever it holds.
            Expect expect = stored.isEmpty() ? Expect.absent()
                    : version.isPresent() ? Expect.version(version.get()) : Expect.anything();
            if (items.table().put(item, expect) == PutOutcome.WRITTEN) {
                // Older generations, and parts of this one left by a save that crashed or lost: none
                // is referenced now. A newer generation may be a save in flight: left alone.
                for (SortKeyRange stale : Keys.transcriptsOtherThan(asset, generation, hash == null ? "" : hash)) {
                    deleteTranscripts(creator, stale);
                }
                return;
            }
            // Lost a race: another save landed first, and ours goes over it. Our parts are deleted
            // unless the winner's are the same items (the same transcript, saved twice at once).
            boolean shared = items.find(Keys.analysis(creator, asset), AnalysisItem.class)
                    .filter(winner -> winner.transcriptGeneration() == generation && hash != null
                            && hash.equals(winner.transcriptHash())).isPresent();
            if (hash != null && !shared) {
                deleteTranscripts(creator, SortKeyRange.beginsWith(Keys.transcriptGeneration(asset, generation, hash)));
            }
        }
        throw new IllegalStateException("the analysis of asset " + asset + " lost " + SAVE_ATTEMPTS
                + " races with other saves of it in a row");
    }

    @Override
    public Optional<Analysis> findAnalysis(CreatorId creator, AssetId asset) {
        return items.find(Keys.analysis(creator, asset), AnalysisItem.class).map(AnalysisItem::analysis);
    }

    @Override
    public Transcript findTranscript(CreatorId creator, AssetId asset) {
        Optional<AnalysisItem> analysis = items.find(Keys.analysis(creator, asset), AnalysisItem.class);
        if (analysis.isEmpty() || analysis.get().transcriptHash() == null) {
            return Transcript.EMPTY;
        }
        AnalysisItem found = analysis.get();
        Query parts = Query.table(Keys.creator(creator), SortKeyRange.beginsWith(Keys.transcriptGeneration(asset,
                found.transcriptGeneration(), found.transcriptHash())), false, 100);
        List<TranscriptSegment> segments = new ArrayList<>();
        int read = 0;
        Optional<StartKey> after = Optional.empty();
        do {
            QueryPage page = items.table().query(parts.after(after));
            for (Item item : page.items()) {
                segments.addAll(items.entity(item, TranscriptPart.class).segments());
                read++;
            }
            after = page.more();
        } while (after.isPresent());
        if (read != found.transcriptParts() || segments.size() != found.transcriptSegments()) {
            throw new IllegalStateException("the transcript of asset " + asset + " has " + read + " of its "
                    + found.transcriptParts() + " parts and " + segments.size() + " of its "
                    + found.transcriptSegments() + " segments");
        }
        return new Transcript(segments);
    }

    /** The transcript as the JSON of parts, each within the budget, segments in order. */
    private List<String> parts(Transcript transcript) {
        List<String> parts = new ArrayList<>();
        List<TranscriptSegment> part = new ArrayList<>();
        int bytes = 0;
        for (TranscriptSegment segment : transcript.segments()) {
            int size = items.json(segment).getBytes(StandardCharsets.UTF_8).length + 1; // and a comma
            if (!part.isEmpty() && bytes + size > PART_BUDGET_BYTES - 100) { // the part's own braces and name
                parts.add(items.json(new TranscriptPart(part)));
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(segment);
            bytes += size;
        }
        if (!part.isEmpty()) {
            parts.add(items.json(new TranscriptPart(part)));
        }
        return parts;
    }

    private void deleteTranscripts(CreatorId creator, SortKeyRange range) {
        Query old = Query.table(Keys.creator(creator), range, false, 100);
        Optional<StartKey> after = Optional.empty();
        do {
            QueryPage page = items.table().query(old.after(after));
            page.items().forEach(item -> items.table().delete(item.key()));
            after = page.more();
        } while (after.isPresent());
    }

    /** 16 hex digits of the SHA-256 of the parts: the same transcript always has the same hash. */
    private static String hash(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
