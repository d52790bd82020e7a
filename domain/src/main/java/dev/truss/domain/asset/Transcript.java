package dev.truss.domain.asset;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is said in a video, segment by segment, in timeline order (by start, then end; segments
 * may overlap, as a model's often do). Empty when the detector could not hear, as the local one
 * cannot. At most {@value #MAX_SEGMENTS} segments: four hours at more than one segment a second.
 */
public record Transcript(List<TranscriptSegment> segments) {

    public static final int MAX_SEGMENTS = 20_000;
    public static final Transcript EMPTY = new Transcript(List.of());

    private static final Comparator<TranscriptSegment> TIMELINE = Comparator
            .comparingLong((TranscriptSegment segment) -> segment.range().startMs())
            .thenComparingLong(segment -> segment.range().endMs());

    public Transcript {
        if (segments.size() > MAX_SEGMENTS) {
            throw new InvalidValueException("a transcript holds at most " + MAX_SEGMENTS + " segments, got "
                    + segments.size());
        }
        List<TranscriptSegment> sorted = new ArrayList<>(segments); // stable: equal times keep their order
        sorted.sort(TIMELINE);
        segments = List.copyOf(sorted);
    }

    /** The first {@value #MAX_SEGMENTS} of {@code segments} on the timeline: all of them, when they are not more. */
    public static Transcript firstOf(List<TranscriptSegment> segments) {
        return new Transcript(segments.size() <= MAX_SEGMENTS ? segments
                : segments.stream().sorted(TIMELINE).limit(MAX_SEGMENTS).toList());
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public int size() {
        return segments.size();
    }

    /**
     * The segments said during {@code range}, each cut to it, still on the video's timeline: what
     * a clip of that range shows as captions. A segment that only touches the range is left out.
     */
    public List<TranscriptSegment> within(TimeRange range) {
        List<TranscriptSegment> inside = new ArrayList<>();
        for (TranscriptSegment segment : segments) {
            if (segment.range().startMs() >= range.endMs()) {
                break; // sorted by start: nothing later overlaps
            }
            if (segment.range().overlaps(range)) {
                inside.add(new TranscriptSegment(new TimeRange(Math.max(segment.range().startMs(), range.startMs()),
                        Math.min(segment.range().endMs(), range.endMs())), segment.text()));
            }
        }
        return inside;
    }
}
