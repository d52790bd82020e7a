package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.Requests;
import dev.truss.application.TrussCore;
import dev.truss.application.clip.DownloadClip;
import dev.truss.application.clip.EditClip;
import dev.truss.application.common.PageQuery;
import dev.truss.application.publishing.PublishClip;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.time.TimeRange;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Clips: listed newest first or best first, edited, deleted, rendered, downloaded and published. */
public final class ClipRoutes implements RouteGroup {

    /** The orders {@code GET /api/clips} lists in. */
    enum Order { NEWEST, TOP }

    /**
     * An edit of the clip at {@code version}; fields left out (or null) keep their value. The
     * range changes only as a whole: {@code startMs} and {@code endMs} together.
     */
    record ClipEdit(Long version, Long startMs, Long endMs, String title, String hookLine, String caption,
                    String layout) {
        ClipEdit {
            if (version == null) {
                throw new IllegalArgumentException("version is required: the version of the clip this edit applies to");
            }
            if ((startMs == null) != (endMs == null)) {
                throw new IllegalArgumentException("startMs and endMs change together: send both, or neither");
            }
            if (layout != null) {
                Params.parse(Layout.class, "layout", layout);
            }
        }

        Optional<TimeRange> range() {
            return startMs == null ? Optional.empty() : Optional.of(new TimeRange(startMs, endMs));
        }

        Optional<Layout> layoutValue() {
            return Optional.ofNullable(layout).map(name -> Params.parse(Layout.class, "layout", name));
        }
    }

    record PublishRequest(List<String> platforms) {
        PublishRequest {
            if (platforms == null || platforms.isEmpty()) {
                throw new IllegalArgumentException("platforms is required: choose at least one of "
                        + Params.names(Platform.class));
            }
            platforms.forEach(name -> Params.parse(Platform.class, "platforms", name));
        }

        Set<Platform> values() {
            Set<Platform> set = EnumSet.noneOf(Platform.class);
            platforms.forEach(name -> set.add(Params.parse(Platform.class, "platforms", name)));
            return set;
        }
    }

    private final TrussCore core;

    public ClipRoutes(TrussCore core) {
        this.core = core;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/clips", this::list, Access.CREATOR);
        routes.get("/api/clips/{clipId}", this::one, Access.CREATOR);
        routes.patch("/api/clips/{clipId}", this::edit, Access.CREATOR);
        routes.delete("/api/clips/{clipId}", this::delete, Access.CREATOR);
        routes.post("/api/clips/{clipId}/render", this::render, Access.CREATOR);
        routes.get("/api/clips/{clipId}/download", this::download, Access.CREATOR);
        routes.get("/api/clips/{clipId}/publications", this::publications, Access.CREATOR);
        routes.post("/api/clips/{clipId}/publications", this::publish, Access.CREATOR);
    }

    /** {@code ?order=newest} (the default) or {@code ?order=top}, highest score first. */
    private void one(Context ctx) {
        ctx.json(Views.ClipView.of(Requests.value(core.listClips().one(Requests.creator(ctx), clip(ctx)))));
    }

    private void list(Context ctx) {
        Order order = Params.query(ctx, "order", Order.class, Order.NEWEST);
        CreatorId creator = Requests.creator(ctx);
        PageQuery page = Requests.page(ctx);
        ctx.json(Views.Page.of(order == Order.TOP ? core.listClips().topByScore(creator, page)
                : core.listClips().newestFirst(creator, page), Views.ClipView::of));
    }

    private void edit(Context ctx) {
        ClipEdit edit = Requests.body(ctx, ClipEdit.class);
        ctx.json(Views.ClipView.of(Requests.value(core.editClip().execute(new EditClip.Command(Requests.creator(ctx),
                clip(ctx), edit.version(), edit.range(), Optional.ofNullable(edit.title()),
                Optional.ofNullable(edit.hookLine()), Optional.ofNullable(edit.caption()), edit.layoutValue())))));
    }

    private void delete(Context ctx) {
        Requests.value(core.deleteClip().execute(Requests.creator(ctx), clip(ctx)));
        ctx.status(204);
    }

    private void render(Context ctx) {
        ctx.status(202).json(Views.JobView.of(Requests.value(core.renderClip().execute(Requests.creator(ctx),
                clip(ctx)))));
    }

    private void download(Context ctx) {
        ctx.json(new Views.Download(Requests.value(core.downloadClip().execute(Requests.creator(ctx), clip(ctx)))
                .toString(), DownloadClip.LINK_VALIDITY.toSeconds()));
    }

    /** Where the clip is published or being published, one entry per platform. */
    private void publications(Context ctx) {
        ctx.json(new Views.Publications(Requests.value(core.listPublications().ofClip(Requests.creator(ctx), clip(ctx)))
                .stream().map(publication -> Views.PublicationView.of(publication, null)).toList()));
    }

    /** 202 when a publishing job was queued; 200 when every platform had the clip already. */
    private void publish(Context ctx) {
        PublishRequest request = Requests.body(ctx, PublishRequest.class);
        List<PublishClip.Queued> queued = Requests.value(core.publishClip().execute(
                new PublishClip.Command(Requests.creator(ctx), clip(ctx), request.values())));
        ctx.status(queued.stream().anyMatch(q -> q.job().isPresent()) ? 202 : 200).json(new Views.Publications(
                queued.stream().map(q -> Views.PublicationView.of(q.publication(),
                        q.job().map(Views.JobView::of).orElse(null))).toList()));
    }

    private static ClipId clip(Context ctx) {
        return Requests.id(ctx, "clipId", ClipId::parse, "clip");
    }
}
