package dev.truss.adapters.gemini;

import dev.truss.application.port.media.MomentDetector.Moment;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Turns what the model said about each part into a detection on the video's timeline, repairing
 * what can be repaired and dropping the rest, with a note for each. Per part: times are moved from
 * the part onto the video; reversed ranges are swapped; times before the part are moved to its
 * start and times after it to its end; what lies wholly outside it, or lasts nothing, is dropped;
 * judgements outside 0–1 are clamped; texts longer than the domain allows are cut. Chapters and
 * transcript segments are kept only from the stretch a part {@linkplain PartPlan.Planned#own owns},
 * so a shared stretch is not told twice. Over the whole video: of two overlapping moments the one
 * the model judged stronger stays, and the other is trimmed when at least half of it remains
 * (else dropped); chapters are sorted, one per start, the first starting at 0, each ending where the
 * next starts; transcript segments are sorted and trimmed so none overlaps the next.
 */
final class Repairs {

    static final int TITLE_MAX = 100;
    static final int HOOK_LINE_MAX = 200;
    static final int CAPTION_MAX = 2200;
    static final int REASON_MAX = 500;
    static final int CHAPTER_TITLE_MAX = 200;
    static final int SUMMARY_MAX = 2000;

    private final Notes notes;

    Repairs(Notes notes) {
        this.notes = notes;
    }

    /** A part's answer on the video's timeline. */
    record PartResult(List<Moment> moments, List<Chapter> chapters, List<TranscriptSegment> transcript) {
    }

    /** The merged detection's lists. */
    record Merged(List<Moment> moments, List<Chapter> chapters, List<TranscriptSegment> transcript) {
    }

    PartResult onTimeline(ModelAnswer.Parsed answer, PartPlan.Planned part, long videoDurationMs) {
        String where = part.count() == 1 ? "" : " of " + part.label();
        answer.problems().forEach(problem -> notes.repair(problem + where));
        TimeRange bounds = new TimeRange(part.range().startMs(), Math.min(part.range().endMs(), videoDurationMs));
        List<Moment> moments = new ArrayList<>();
        for (ModelAnswer.RawMoment raw : answer.moments()) {
            String name = "moment " + raw.number() + where + " (" + quote(raw.title()) + ")";
            TimeRange range = range(name, raw.startSeconds(), raw.endSeconds(), bounds);
            if (range != null) {
                moments.add(new Moment(range, cut(name, "title", raw.title(), TITLE_MAX),
                        cut(name, "hook line", raw.hookLine(), HOOK_LINE_MAX),
                        cut(name, "caption", raw.caption(), CAPTION_MAX),
                        unit(name, "hook strength", raw.hookStrength()),
                        unit(name, "emotional intensity", raw.emotionalIntensity()),
                        cut(name, "reason", raw.reason(), REASON_MAX)));
            }
        }
        List<Chapter> chapters = new ArrayList<>();
        for (ModelAnswer.RawChapter raw : answer.chapters()) {
            String name = "chapter " + raw.number() + where + " (" + quote(raw.title()) + ")";
            Long start = start(name, raw.startSeconds(), bounds);
            if (start != null && part.own().contains(start)) {
                // The range is provisional: merging ends each chapter where the next starts.
                chapters.add(new Chapter(new TimeRange(start, start + 1), cut(name, "title", raw.title(),
                        CHAPTER_TITLE_MAX), cut(name, "summary", raw.summary(), SUMMARY_MAX)));
            }
        }
        List<TranscriptSegment> transcript = new ArrayList<>();
        for (ModelAnswer.RawSegment raw : answer.transcript()) {
            String name = "transcript segment " + raw.number() + where;
            TimeRange range = range(name, raw.startSeconds(), raw.endSeconds(), bounds);
            if (range != null && part.own().contains(range.startMs())) {
                transcript.add(new TranscriptSegment(range, cut(name, "text", raw.text(),
                        TranscriptSegment.MAX_TEXT_LENGTH)));
            }
        }
        return new PartResult(moments, chapters, transcript);
    }

    Merged merge(List<PartResult> parts, long videoDurationMs) {
        List<Moment> moments = new ArrayList<>();
        List<Chapter> chapters = new ArrayList<>();
        List<TranscriptSegment> transcript = new ArrayList<>();
        for (PartResult part : parts) {
            moments.addAll(part.moments());
            chapters.addAll(part.chapters());
            transcript.addAll(part.transcript());
        }
        return new Merged(withoutOverlaps(moments), chapters(chapters, videoDurationMs), transcript(transcript));
    }

    /** Strongest first; each later one trimmed off the stronger ones it overlaps, or dropped. */
    private List<Moment> withoutOverlaps(List<Moment> moments) {
        List<Moment> strongestFirst = new ArrayList<>(moments);
        strongestFirst.sort(Comparator.comparingDouble(Repairs::strength).reversed()
                .thenComparing(Comparator.comparingLong((Moment moment) -> moment.range().durationMs()).reversed())
                .thenComparingLong(moment -> moment.range().startMs()));
        List<Moment> kept = new ArrayList<>();
        for (Moment candidate : strongestFirst) {
            TimeRange range = candidate.range();
            for (Moment stronger : kept) {
                if (range == null || !range.overlaps(stronger.range())) {
                    continue;
                }
                TimeRange before = range.startMs() < stronger.range().startMs()
                        ? new TimeRange(range.startMs(), stronger.range().startMs()) : null;
                TimeRange after = range.endMs() > stronger.range().endMs()
                        ? new TimeRange(stronger.range().endMs(), range.endMs()) : null;
                TimeRange longer = before == null ? after
                        : after == null || before.durationMs() >= after.durationMs() ? before : after;
                String which = "moment " + quote(candidate.title()) + " (" + seconds(candidate.range()) + ")";
                if (longer == null || longer.durationMs() * 2 < candidate.range().durationMs()) {
                    notes.repair("dropped " + which + ": it overlaps " + quote(stronger.title()) + " ("
                            + seconds(stronger.range()) + "), which the model judged at least as strong");
                    range = null;
                } else {
                    notes.repair(which + " trimmed to " + seconds(longer) + " so it does not overlap "
                            + quote(stronger.title()));
                    range = longer;
                }
            }
            if (range != null) {
                kept.add(range.equals(candidate.range()) ? candidate : new Moment(range, candidate.title(),
                        candidate.hookLine(), candidate.caption(), candidate.hookStrength(),
                        candidate.emotionalIntensity(), candidate.reason()));
            }
        }
        kept.sort(Comparator.comparingLong((Moment moment) -> moment.range().startMs())
                .thenComparingLong(moment -> moment.range().endMs()));
        return kept;
    }

    private List<Chapter> chapters(List<Chapter> proposed, long videoDurationMs) {
        List<Chapter> byStart = new ArrayList<>(proposed);
        byStart.sort(Comparator.comparingLong(chapter -> chapter.range().startMs()));
        List<Chapter> starts = new ArrayList<>();
        for (Chapter chapter : byStart) {
            Chapter previous = starts.isEmpty() ? null : starts.get(starts.size() - 1);
            if (previous != null && previous.range().startMs() == chapter.range().startMs()) {
                notes.repair("dropped chapter " + quote(chapter.title()) + ": it starts where "
                        + quote(previous.title()) + " does (" + seconds(chapter.range().startMs()) + ")");
            } else {
                starts.add(chapter);
            }
        }
        if (!starts.isEmpty() && starts.get(0).range().startMs() > 0) {
            notes.repair("chapter " + quote(starts.get(0).title()) + " moved to start at 0 s instead of "
                    + seconds(starts.get(0).range().startMs()) + ", so the chapters cover the video from its start");
        }
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long start = i == 0 ? 0 : starts.get(i).range().startMs();
            long end = i + 1 < starts.size() ? starts.get(i + 1).range().startMs() : videoDurationMs;
            chapters.add(new Chapter(new TimeRange(start, end), starts.get(i).title(), starts.get(i).summary()));
        }
        return chapters;
    }

    private List<TranscriptSegment> transcript(List<TranscriptSegment> proposed) {
        List<TranscriptSegment> sorted = new ArrayList<>(proposed);
        sorted.sort(Comparator.comparingLong((TranscriptSegment segment) -> segment.range().startMs())
                .thenComparingLong(segment -> segment.range().endMs()));
        List<TranscriptSegment> kept = new ArrayList<>();
        int trimmed = 0;
        int dropped = 0;
        for (TranscriptSegment segment : sorted) {
            TranscriptSegment previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (previous != null && segment.range().startMs() < previous.range().endMs()) {
                if (segment.range().startMs() == previous.range().startMs()) {
                    dropped++;
                    continue;
                }
                kept.set(kept.size() - 1, new TranscriptSegment(
                        new TimeRange(previous.range().startMs(), segment.range().startMs()), previous.text()));
                trimmed++;
            }
            kept.add(segment);
        }
        if (trimmed + dropped > 0) {
            notes.repair("transcript: " + trimmed + " segments trimmed to end where the next starts and " + dropped
                    + " dropped for starting with another, so none overlaps");
        }
        return kept;
    }

    /** The range on the video's timeline, repaired into {@code bounds}; null (and noted) when nothing is left. */
    private TimeRange range(String name, double startSeconds, double endSeconds, TimeRange bounds) {
        long start = bounds.startMs() + millis(startSeconds);
        long end = bounds.startMs() + millis(endSeconds);
        if (end < start) {
            notes.repair(name + ": start and end were reversed (" + span(start, end) + "); swapped");
            long swap = start;
            start = end;
            end = swap;
        }
        if (end <= bounds.startMs() || start >= bounds.endMs()) {
            notes.repair("dropped " + name + ": " + span(start, end) + " lies outside "
                    + seconds(bounds));
            return null;
        }
        if (start < bounds.startMs() || end > bounds.endMs()) {
            long clampedStart = Math.max(start, bounds.startMs());
            long clampedEnd = Math.min(end, bounds.endMs());
            notes.repair(name + ": " + span(start, end) + " reaches outside " + seconds(bounds)
                    + "; cut to " + span(clampedStart, clampedEnd));
            start = clampedStart;
            end = clampedEnd;
        }
        if (end <= start) {
            notes.repair("dropped " + name + ": it lasts nothing (" + seconds(start) + ")");
            return null;
        }
        return new TimeRange(start, end);
    }

    private Long start(String name, double startSeconds, TimeRange bounds) {
        long start = bounds.startMs() + millis(startSeconds);
        if (start >= bounds.endMs()) {
            notes.repair("dropped " + name + ": it starts at " + seconds(start) + ", after " + seconds(bounds));
            return null;
        }
        if (start < bounds.startMs()) {
            notes.repair(name + ": it started at " + seconds(start) + ", before " + seconds(bounds) + "; moved to "
                    + seconds(bounds.startMs()));
            return bounds.startMs();
        }
        return start;
    }

    private OptionalDouble unit(String name, String what, OptionalDouble judgement) {
        if (judgement.isEmpty()) {
            return judgement;
        }
        double value = judgement.getAsDouble();
        if (value >= 0 && value <= 1) {
            return judgement;
        }
        double clamped = value < 0 ? 0 : 1;
        notes.repair(name + ": " + what + " " + number(value) + " is outside 0–1; clamped to " + number(clamped));
        return OptionalDouble.of(clamped);
    }

    private String cut(String name, String what, String text, int max) {
        String trimmed = text.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length <= max) {
            return trimmed;
        }
        notes.repair(name + ": " + what + " of " + length + " characters cut to " + max);
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, max - 1)).strip() + "…";
    }

    /** Seconds as milliseconds; absurd values (beyond a year either way) are held there, far outside any video. */
    private static long millis(double seconds) {
        double year = 365 * 24 * 3600.0;
        return Math.round(Math.max(-year, Math.min(year, seconds)) * 1000);
    }

    private static double strength(Moment moment) {
        return moment.hookStrength().orElse(0) + moment.emotionalIntensity().orElse(0);
    }

    static String quote(String text) {
        String strip = text.strip();
        return "'" + (strip.codePointCount(0, strip.length()) > 40
                ? strip.substring(0, strip.offsetByCodePoints(0, 39)).strip() + "…" : strip) + "'";
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String seconds(TimeRange range) {
        return span(range.startMs(), range.endMs());
    }

    /** {@code 50.0–20.0 s}: also for the reversed and negative spans a model may give. */
    static String span(long startMs, long endMs) {
        return String.format(Locale.ROOT, "%.1f–%.1f s", startMs / 1000.0, endMs / 1000.0);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
