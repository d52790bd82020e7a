package dev.truss.domain.asset;

import dev.truss.domain.InvalidValueException;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.util.List;
import java.util.Objects;

/** The chapters of one asset, in timeline order and never overlapping; stored with its {@link Analysis}. */
public record Chapters(CreatorId creatorId, AssetId assetId, List<Chapter> list) {

    public Chapters {
        Objects.requireNonNull(creatorId, "creator id");
        Objects.requireNonNull(assetId, "asset id");
        list = List.copyOf(list);
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).range().startMs() < list.get(i - 1).range().endMs()) {
                throw new InvalidValueException("chapters must be in order and not overlap: '"
                        + list.get(i - 1).title() + "' and '" + list.get(i).title() + "'");
            }
        }
    }
}
