package dev.truss.application.port.storage;

import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapters;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.util.Optional;

/** A creator's uploaded videos and the chapters found in them. */
public interface AssetStore {

    WriteResult<Asset> create(Asset asset);

    Optional<Asset> find(CreatorId creator, AssetId asset);

    /** Newest first; a page of N holds N assets (never their chapter items). */
    Page<Asset> listNewestFirst(CreatorId creator, PageRequest page);

    WriteResult<Asset> update(Asset asset);

    /** Replaces the asset's chapters: writing the same chapters twice is harmless. */
    void saveChapters(Chapters chapters);

    Optional<Chapters> findChapters(CreatorId creator, AssetId asset);
}
