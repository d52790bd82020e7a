package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.ApiProblem;
import dev.truss.adapters.http.Requests;
import dev.truss.application.TrussCore;
import dev.truss.application.asset.CompleteUpload;
import dev.truss.application.asset.GetAsset;
import dev.truss.application.asset.RequestUpload;
import dev.truss.application.port.media.DetectorChoice;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Videos: announcing an upload (the bytes go straight to object storage), completing it, which
 * queues the analysis, listing and reading them with what their analysis found (chapters,
 * detector, notes, usage), reading a video's transcript, analysing again (with the detector the
 * creator chooses), and the clips cut from one video.
 */
public final class AssetRoutes implements RouteGroup {

    record UploadRequest(String title, String contentType, Long sizeBytes) {
        UploadRequest {
            if (title == null) {
                throw new IllegalArgumentException("title is required");
            }
            if (contentType == null) {
                throw new IllegalArgumentException("contentType is required: the video's MIME type, like video/mp4");
            }
            if (sizeBytes == null) {
                throw new IllegalArgumentException("sizeBytes is required: the exact length of the file in bytes");
            }
        }
    }

    /** The optional body of an analysis request: which detector, {@code auto} when left out. */
    record AnalysisRequest(String detector) {
    }

    private final TrussCore core;

    public AssetRoutes(TrussCore core) {
        this.core = core;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/uploads", this::requestUpload, Access.CREATOR);
        routes.get("/api/assets", this::list, Access.CREATOR);
        routes.get("/api/assets/{assetId}", this::get, Access.CREATOR);
        routes.get("/api/assets/{assetId}/transcript", this::transcript, Access.CREATOR);
        routes.post("/api/assets/{assetId}/complete", this::complete, Access.CREATOR);
        routes.post("/api/assets/{assetId}/analysis", this::analyse, Access.CREATOR);
        routes.get("/api/assets/{assetId}/clips", this::clips, Access.CREATOR);
    }

    private void requestUpload(Context ctx) {
        UploadRequest request = Requests.body(ctx, UploadRequest.class);
        RequestUpload.Upload upload = Requests.value(core.requestUpload().execute(new RequestUpload.Command(
                Requests.creator(ctx), request.title(), request.contentType(), request.sizeBytes())));
        ctx.status(201).json(new Views.UploadStarted(Views.AssetView.of(upload.asset()),
                Views.UploadTarget.of(upload.upload())));
    }

    private void list(Context ctx) {
        ctx.json(Views.Page.of(core.listAssets().execute(Requests.creator(ctx), Requests.page(ctx)),
                Views.AssetView::of));
    }

    private void get(Context ctx) {
        GetAsset.AssetWithAnalysis found = Requests.value(core.getAsset().execute(Requests.creator(ctx), asset(ctx)));
        ctx.json(Views.AssetWithChapters.of(found));
    }

    /** All of it at once: a transcript is kept to a size one answer carries. */
    private void transcript(Context ctx) {
        AssetId asset = asset(ctx);
        ctx.json(Views.TranscriptView.of(asset, Requests.value(core.getAsset().transcript(Requests.creator(ctx),
                asset))));
    }

    /** 202 with the analysis job when one was queued; 200 when the video is past that point already. */
    private void complete(Context ctx) {
        CompleteUpload.Accepted accepted = Requests.value(core.completeUpload().execute(Requests.creator(ctx),
                asset(ctx), detectorChoice(ctx)));
        ctx.status(accepted.analysis().isPresent() ? 202 : 200).json(new Views.UploadCompleted(
                Views.AssetView.of(accepted.asset()), accepted.analysis().map(Views.JobView::of).orElse(null)));
    }

    private void analyse(Context ctx) {
        ctx.status(202).json(Views.JobView.of(Requests.value(core.analyseAsset().execute(Requests.creator(ctx),
                asset(ctx), detectorChoice(ctx)))));
    }

    /** The optional body of complete and analyse: none, or one without {@code detector}, is the configured default. */
    private static DetectorChoice detectorChoice(Context ctx) {
        if (ctx.bodyAsBytes().length == 0) {
            return DetectorChoice.AUTO;
        }
        String named = Requests.body(ctx, AnalysisRequest.class).detector();
        try {
            return named == null ? DetectorChoice.AUTO : Params.parse(DetectorChoice.class, "detector", named);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    /** In timeline order, all on one page: an analysis keeps a handful of clips per video. */
    private void clips(Context ctx) {
        CreatorId creator = Requests.creator(ctx);
        AssetId asset = asset(ctx);
        Requests.value(core.getAsset().execute(creator, asset)); // an unknown video is a 404, not an empty list
        ctx.json(Views.Page.whole(core.listClips().ofAsset(creator, asset), Views.ClipView::of));
    }

    private static AssetId asset(Context ctx) {
        return Requests.id(ctx, "assetId", AssetId::parse, "asset");
    }
}
