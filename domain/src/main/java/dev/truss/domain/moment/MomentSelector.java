package dev.truss.domain.moment;

import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the clips to render from scored candidates, greedily: best score first (ties: the
 * earlier start, then the earlier end), each accepted when it fits and overlaps nothing
 * already picked, until the policy's clip count is reached.
 *
 * <p>A candidate fits when it lies inside the video and its length is within the policy's
 * bounds. Candidates that do not fit are skipped rather than trimmed or stretched: the score
 * describes exactly that window, and cutting it to size would publish content the score
 * never judged. Windows should therefore be generated within the policy's bounds.
 *
 * <p>Each boundary then moves to the best cut point within tolerance ({@link BoundaryOptions}).
 * Of all start/end combinations that keep the clip inside the video, within length bounds
 * and clear of picked clips, the one with the most boundaries in a silence wins, then the
 * most on scene cuts, then the one nearest the silences' speech edges, then the least
 * total movement. Silences come first so a clip never
 * starts or ends mid-word when a pause is near. The unsnapped candidate is always one of the
 * combinations, so a fitting candidate is only ever skipped for overlapping a better one.
 *
 * <p>Results come best score first.
 */
public final class MomentSelector {

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparing(Candidate::score, Comparator.reverseOrder())
            .thenComparingLong(candidate -> candidate.range().startMs())
            .thenComparingLong(candidate -> candidate.range().endMs());

    private final SelectionPolicy policy;

    public MomentSelector(SelectionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public List<SelectedMoment> select(List<Candidate> candidates, CutPoints cuts, long videoDurationMs) {
        Objects.requireNonNull(cuts, "cut points");
        if (videoDurationMs <= 0) {
            throw new IllegalArgumentException("a video lasts longer than 0 ms, got " + videoDurationMs);
        }
        List<SelectedMoment> picked = new ArrayList<>();
        for (Candidate candidate : candidates.stream().sorted(BEST_FIRST).toList()) {
            if (picked.size() == policy.maxClips()) {
                break;
            }
            if (fits(candidate.range(), videoDurationMs)) {
                snapped(candidate, cuts, videoDurationMs, picked).ifPresent(picked::add);
            }
        }
        return List.copyOf(picked);
    }

    private boolean fits(TimeRange range, long videoDurationMs) {
        return range.endMs() <= videoDurationMs && policy.allowsLength(range.durationMs());
    }

    private Optional<SelectedMoment> snapped(Candidate candidate, CutPoints cuts, long videoDurationMs, List<SelectedMoment> picked) {
        TimeRange original = candidate.range();
        List<BoundaryOption> starts = BoundaryOptions.forStart(original.startMs(), cuts, policy.snapToleranceMs());
        List<BoundaryOption> ends = BoundaryOptions.forEnd(original.endMs(), cuts, policy.snapToleranceMs());
        SnapChoice best = null;
        for (BoundaryOption start : starts) {
            for (BoundaryOption end : ends) {
                SnapChoice choice = new SnapChoice(start, end);
                if (isAllowed(choice, videoDurationMs, picked) && (best == null || SnapChoice.PREFERRED.compare(choice, best) < 0)) {
                    best = choice;
                }
            }
        }
        return Optional.ofNullable(best).map(choice -> new SelectedMoment(
                new TimeRange(choice.start().atMs(), choice.end().atMs()), candidate.score(), original,
                choice.start().snap(), choice.end().snap()));
    }

    private boolean isAllowed(SnapChoice choice, long videoDurationMs, List<SelectedMoment> picked) {
        long startMs = choice.start().atMs();
        long endMs = choice.end().atMs();
        if (startMs < 0 || endMs > videoDurationMs || !policy.allowsLength(endMs - startMs)) {
            return false;
        }
        TimeRange range = new TimeRange(startMs, endMs);
        return picked.stream().noneMatch(moment -> moment.range().overlaps(range));
    }
}
