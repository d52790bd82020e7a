package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.ApiProblem;
import dev.truss.adapters.http.Requests;
import dev.truss.application.TrussCore;
import dev.truss.application.analytics.ReadAnalytics;
import dev.truss.application.common.Outcome;
import dev.truss.domain.analytics.DailyAnalytics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;

/** A creator's daily counters over a range of UTC days, both ends included. */
public final class AnalyticsRoutes implements RouteGroup {

    private final TrussCore core;

    public AnalyticsRoutes(TrussCore core) {
        this.core = core;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/analytics", this::read, Access.CREATOR);
    }

    private void read(Context ctx) {
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        Outcome<List<DailyAnalytics>> days = core.readAnalytics().execute(
                new ReadAnalytics.Query(Requests.creator(ctx), from, to));
        if (days instanceof Outcome.Rejected<List<DailyAnalytics>> rejected) {
            throw ApiProblem.badRequest("from/to: " + rejected.message()); // the query, not a state, is wrong
        }
        ctx.json(Views.Analytics.of(from, to, Requests.value(days)));
    }
}
