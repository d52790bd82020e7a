package dev.truss.domain.asset;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.Text;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an asset's analysis found besides its clips, one per asset (a new analysis replaces it):
 * the chapters, which detector proposed the moments ({@code "local"}, or a model such as
 * {@code "gemini-2.5-flash"}), the detector's notes (what it repaired, fell back to or skipped),
 * what its model calls cost, and how many segments its timed transcript has. The transcript
 * itself is kept apart ({@link Transcript}): it can be long, and reading an asset needs only
 * this.
 *
 * <p>{@code detector} is empty only for an analysis stored before Truss recorded detectors, which
 * kept nothing but chapters ({@link #chaptersOnly}).
 */
public record Analysis(CreatorId creatorId, AssetId assetId, Optional<String> detector, List<Chapter> chapters,
                       List<String> notes, Optional<Usage> usage, int transcriptSegments) {

    /** An analysis keeps its first notes only; a detector has a handful to say. */
    public static final int MAX_NOTES = 20;
    /** Longer notes are cut, ending in an ellipsis. */
    public static final int MAX_NOTE_LENGTH = 500;
    /**
     * The most text (UTF-8) the chapters may take. The analysis is one stored item and DynamoDB
     * caps an item at 400 KB; notes take at most 40 KB, and this leaves room for the rest.
     */
    public static final int MAX_CHAPTER_BYTES = 256 * 1024;

    /** What the model calls of an analysis cost: the model, its tokens over every request, and how many requests. */
    public record Usage(String model, long inputTokens, long outputTokens, int requests) {
        public Usage {
            model = Text.required("model", model, 100);
            if (inputTokens < 0 || outputTokens < 0 || requests < 0) {
                throw new InvalidValueException("token and request counts are never negative");
            }
        }
    }

    public Analysis {
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(assetId, "asset id");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(usage, "usage");
        detector = detector.map(name -> Text.required("detector", name, 100));
        chapters = new Chapters(creatorId, assetId, chapters).list(); // in order, never overlapping
        if (bytes(chapters) > MAX_CHAPTER_BYTES) {
            throw new InvalidValueException("the chapters take " + bytes(chapters) + " bytes; an analysis keeps at most "
                    + MAX_CHAPTER_BYTES + " (see chaptersThatFit)");
        }
        notes = notes(notes);
        if (transcriptSegments < 0 || transcriptSegments > Transcript.MAX_SEGMENTS) {
            throw new InvalidValueException("a transcript has 0–" + Transcript.MAX_SEGMENTS + " segments, got "
                    + transcriptSegments);
        }
    }

    /** What a detector found, with the length of its transcript. */
    public static Analysis of(CreatorId creator, AssetId asset, String detector, List<Chapter> chapters,
                              List<String> notes, Optional<Usage> usage, Transcript transcript) {
        return new Analysis(creator, asset, Optional.of(detector), chapters, notes, usage, transcript.size());
    }

    /** The first of {@code chapters} whose text fits in {@value #MAX_CHAPTER_BYTES} bytes: what an analysis can keep. */
    public static List<Chapter> chaptersThatFit(List<Chapter> chapters) {
        long total = 0;
        for (int i = 0; i < chapters.size(); i++) {
            total += bytes(chapters.get(i));
            if (total > MAX_CHAPTER_BYTES) {
                return List.copyOf(chapters.subList(0, i));
            }
        }
        return List.copyOf(chapters);
    }

    private static long bytes(List<Chapter> chapters) {
        return chapters.stream().mapToLong(Analysis::bytes).sum();
    }

    /** A chapter's text in UTF-8, plus what its times and field names take when stored (about 64 bytes). */
    private static long bytes(Chapter chapter) {
        return 64 + chapter.title().getBytes(StandardCharsets.UTF_8).length
                + chapter.summary().getBytes(StandardCharsets.UTF_8).length;
    }

    /** An analysis as Truss stored it before it recorded detectors: chapters only. */
    public static Analysis chaptersOnly(Chapters chapters) {
        return new Analysis(chapters.creatorId(), chapters.assetId(), Optional.empty(), chapters.list(), List.of(),
                Optional.empty(), 0);
    }

    public Chapters chaptersOf() {
        return new Chapters(creatorId, assetId, chapters);
    }

    /** Blank notes dropped, long ones cut, the first {@value #MAX_NOTES} kept: notes are the detector's words, never refused. */
    private static List<String> notes(List<String> notes) {
        List<String> kept = new ArrayList<>();
        for (String note : notes) {
            String text = Text.optional("note", note, Integer.MAX_VALUE);
            if (text.isEmpty() || kept.size() == MAX_NOTES) {
                continue;
            }
            kept.add(text.codePointCount(0, text.length()) <= MAX_NOTE_LENGTH ? text
                    : text.substring(0, text.offsetByCodePoints(0, MAX_NOTE_LENGTH - 1)).strip() + "…");
        }
        return List.copyOf(kept);
    }
}
