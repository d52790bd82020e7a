package dev.truss.application.profile;

import dev.truss.application.common.DailyCounters;
import dev.truss.application.analytics.ReadAnalytics;
import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.CreatorStore;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.domain.analytics.DailyAnalytics;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.CreatorId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The first page a creator sees: who they are, their latest videos, and the last 30 days of counters. */
public final class GetDashboard {

    public static final int RECENT_ASSETS = 5;
    public static final int DAYS = 30;

    public record Dashboard(Creator creator, List<Asset> recentAssets, List<DailyAnalytics> lastDays) {
    }

    private final CreatorStore creators;
    private final AssetStore assets;
    private final ReadAnalytics analytics;
    private final Clock clock;

    public GetDashboard(CreatorStore creators, AssetStore assets, AnalyticsStore analytics, Clock clock) {
        this.creators = creators;
        this.assets = assets;
        this.analytics = new ReadAnalytics(analytics);
        this.clock = clock;
    }

    public Outcome<Dashboard> execute(CreatorId creatorId) {
        LocalDate today = DailyCounters.today(clock);
        return creators.find(creatorId).map(creator -> Outcome.ok(new Dashboard(creator,
                        assets.listNewestFirst(creatorId, PageRequest.first(RECENT_ASSETS)).items(),
                        analytics.execute(new ReadAnalytics.Query(creatorId, today.minusDays(DAYS - 1), today))
                                .orElseThrow())))
                .orElseGet(() -> Outcome.notFound("no creator " + creatorId));
    }
}
