package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.Requests;
import dev.truss.application.TrussCore;
import dev.truss.application.profile.GetDashboard;
import dev.truss.domain.analytics.DailyAnalytics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** The first page a creator sees: who they are, their latest videos, the last 30 days of counters. */
public final class DashboardRoutes implements RouteGroup {

    private final TrussCore core;

    public DashboardRoutes(TrussCore core) {
        this.core = core;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/dashboard", this::get, Access.CREATOR);
    }

    private void get(Context ctx) {
        GetDashboard.Dashboard dashboard = Requests.value(core.getDashboard().execute(Requests.creator(ctx)));
        List<DailyAnalytics> days = dashboard.lastDays();
        ctx.json(new Views.Dashboard(Views.Profile.of(dashboard.creator()),
                dashboard.recentAssets().stream().map(Views.AssetView::of).toList(),
                Views.Analytics.of(days.get(0).date(), days.get(days.size() - 1).date(), days)));
    }
}
