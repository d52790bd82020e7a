package dev.truss.application.fake;

import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Clips in memory, per creator, keyed by id text; the other orders are computed when asked. */
public final class InMemoryClipStore implements ClipStore {

    private static final Comparator<Clip> TIMELINE = Comparator
            .comparingLong((Clip clip) -> clip.range().startMs())
            .thenComparingLong(clip -> clip.range().endMs())
            .thenComparing(clip -> clip.id().value());

    private final Map<CreatorId, NavigableMap<String, Clip>> clips = new HashMap<>();

    @Override
    public synchronized void createAll(List<Clip> newClips) {
        newClips.forEach(clip -> clipsOf(clip.creatorId()).putIfAbsent(clip.id().value(), clip));
    }

    @Override
    public synchronized Optional<Clip> find(CreatorId creator, ClipId clip) {
        return Optional.ofNullable(clipsOf(creator).get(clip.value()));
    }

    @Override
    public synchronized Page<Clip> listNewestFirst(CreatorId creator, PageRequest page) {
        return Rows.page(clipsOf(creator).descendingMap(), page);
    }

    @Override
    public synchronized List<Clip> listByAsset(CreatorId creator, AssetId asset) {
        return clipsOf(creator).values().stream()
                .filter(clip -> clip.assetId().equals(asset))
                .sorted(TIMELINE)
                .toList();
    }

    @Override
    public synchronized Page<Clip> listTopByScore(CreatorId creator, PageRequest page) {
        // Score (zero-padded) then id, read backwards: highest score first, equal scores newest first.
        NavigableMap<String, Clip> byScore = new TreeMap<>();
        clipsOf(creator).values().forEach(clip -> byScore.put(scoreKey(clip), clip));
        return Rows.page(byScore.descendingMap(), page);
    }

    @Override
    public synchronized WriteResult<Clip> update(Clip clip) {
        return Rows.update(clipsOf(clip.creatorId()), clip.id().value(), clip);
    }

    @Override
    public synchronized WriteResult<Clip> delete(CreatorId creator, ClipId clip) {
        return Rows.delete(clipsOf(creator), clip.value());
    }

    private static String scoreKey(Clip clip) {
        return String.format("%03d#%s", clip.score().value(), clip.id().value());
    }

    private NavigableMap<String, Clip> clipsOf(CreatorId creator) {
        return clips.computeIfAbsent(creator, any -> new TreeMap<>());
    }
}
