package dev.truss.application.clip;

import dev.truss.application.common.CursorPage;
import dev.truss.application.common.PageCursors;
import dev.truss.application.common.PageQuery;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.common.Outcome;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import java.util.List;

/** A creator's clips: newest first, best first, or those of one video in timeline order. */
public final class ListClips {

    private final ClipStore clips;
    private final PageCursors cursors;

    public ListClips(ClipStore clips, PageCursors cursors) {
        this.clips = clips;
        this.cursors = cursors;
    }

    /** One clip, by its id. */
    public Outcome<Clip> one(CreatorId creator, ClipId clip) {
        return clips.find(creator, clip).map(Outcome::ok).orElseGet(() -> Outcome.notFound("no clip " + clip));
    }

    public CursorPage<Clip> newestFirst(CreatorId creator, PageQuery query) {
        return cursors.page(query, creator, "clips", page -> clips.listNewestFirst(creator, page));
    }

    /** Highest virality first, from an index: no scan, whatever the number of clips. */
    public CursorPage<Clip> topByScore(CreatorId creator, PageQuery query) {
        return cursors.page(query, creator, "top-clips", page -> clips.listTopByScore(creator, page));
    }

    public List<Clip> ofAsset(CreatorId creator, AssetId asset) {
        return clips.listByAsset(creator, asset);
    }
}
