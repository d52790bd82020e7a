package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.Requests;
import dev.truss.application.TrussCore;
import dev.truss.domain.id.JobId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Background work a client polls: analysis, rendering, publishing. */
public final class JobRoutes implements RouteGroup {

    private final TrussCore core;

    public JobRoutes(TrussCore core) {
        this.core = core;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/jobs/{jobId}", this::get, Access.CREATOR);
    }

    private void get(Context ctx) {
        JobId job = Requests.id(ctx, "jobId", JobId::parse, "job");
        ctx.json(Views.JobView.of(Requests.value(core.getJobStatus().execute(Requests.creator(ctx), job))));
    }
}
