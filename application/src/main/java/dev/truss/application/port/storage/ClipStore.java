package dev.truss.application.port.storage;

import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import java.util.List;
import java.util.Optional;

/** A creator's clips: newest first, by asset, or by virality score without scanning. */
public interface ClipStore {

    /**
     * Stores each clip that is not there yet; clips already stored are left as they are, so a
     * retry is harmless. Not atomic: after a crash some clips may be stored, and the retry adds the rest.
     */
    void createAll(List<Clip> clips);

    Optional<Clip> find(CreatorId creator, ClipId clip);

    Page<Clip> listNewestFirst(CreatorId creator, PageRequest page);

    /** The clips cut from one asset, in timeline order (by start, then end, then id). */
    List<Clip> listByAsset(CreatorId creator, AssetId asset);

    /** Highest score first; equal scores newest first. */
    Page<Clip> listTopByScore(CreatorId creator, PageRequest page);

    WriteResult<Clip> update(Clip clip);

    /** Deletes the clip; {@link WriteResult.Written} carries what was deleted. */
    WriteResult<Clip> delete(CreatorId creator, ClipId clip);
}
