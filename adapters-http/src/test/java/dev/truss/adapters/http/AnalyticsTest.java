package dev.truss.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dashboard and the daily counters behind it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalyticsTest {

    private static final TestServer SERVER = TestServer.forManyCreators();
    private static final Journeys JOURNEYS = new Journeys(SERVER);

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(SERVER.truss.clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void the_dashboard_shows_the_profile_the_latest_videos_and_the_last_30_days() {
        ApiClient browser = SERVER.newCreator();
        String asset = JOURNEYS.analysedVideo(browser);

        ApiClient.Reply reply = browser.get("/api/dashboard");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode dashboard = reply.json();
        assertThat(dashboard.get("profile").get("email").asString()).startsWith("creator-");
        assertThat(dashboard.get("recentAssets")).hasSize(1);
        assertThat(dashboard.get("recentAssets").get(0).get("id").asString()).isEqualTo(asset);
        JsonNode days = dashboard.get("lastDays");
        assertThat(days.get("days")).hasSize(30);
        assertThat(days.get("to").asString()).isEqualTo(today().toString());
        assertThat(days.get("totals").get("assets_uploaded").asLong()).isEqualTo(1);
        assertThat(days.get("totals").get("assets_analysed").asLong()).isEqualTo(1);
        assertThat(days.get("totals").get("clips_created").asLong())
                .isEqualTo(Journeys.clipsOf(browser, asset).size());
    }

    @Test
    void analytics_answer_one_entry_per_day_zeros_included_and_the_totals() {
        ApiClient browser = SERVER.newCreator();
        CreatorId creator = Journeys.creatorOf(browser);
        LocalDate day = LocalDate.parse("2026-01-10");
        SERVER.truss.analytics.increment(creator, day, Metric.CHAT_MESSAGES, 40);
        SERVER.truss.analytics.increment(creator, day.plusDays(2), Metric.CHAT_MESSAGES, 2);
        SERVER.truss.analytics.increment(creator, day.plusDays(2), Metric.PUBLISHED_TIKTOK, 1);

        ApiClient.Reply reply = browser.get("/api/analytics?from=2026-01-09&to=2026-01-12");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode analytics = reply.json();
        assertThat(analytics.get("from").asString()).isEqualTo("2026-01-09");
        assertThat(analytics.get("days")).extracting(d -> d.get("date").asString())
                .containsExactly("2026-01-09", "2026-01-10", "2026-01-11", "2026-01-12");
        assertThat(analytics.get("days").get(0).get("counts").get("chat_messages").asLong()).isZero();
        assertThat(analytics.get("days").get(1).get("counts").get("chat_messages").asLong()).isEqualTo(40);
        assertThat(analytics.get("totals").get("chat_messages").asLong()).isEqualTo(42);
        assertThat(analytics.get("totals").get("published_tiktok").asLong()).isEqualTo(1);
        assertThat(browser.get("/api/analytics?from=2026-01-10&to=2026-01-10").json().get("days")).hasSize(1);
        assertThat(SERVER.newCreator().get("/api/analytics?from=2026-01-09&to=2026-01-12").json().get("totals")
                .get("chat_messages").asLong()).isZero();
    }

    @Test
    void a_date_that_is_missing_malformed_or_out_of_order_is_a_400_naming_the_parameter() {
        ApiClient browser = SERVER.newCreator();

        assertThat(detail(browser.get("/api/analytics?to=2026-01-12"))).contains("from");
        assertThat(detail(browser.get("/api/analytics?from=2026-01-12"))).contains("to");
        assertThat(detail(browser.get("/api/analytics?from=2026-13-01&to=2026-12-31"))).contains("from")
                .contains("YYYY-MM-DD");
        assertThat(detail(browser.get("/api/analytics?from=2026-01-01&to=tomorrow"))).contains("to");
        assertThat(detail(browser.get("/api/analytics?from=2026-01-12&to=2026-01-11"))).contains("before it starts");
        assertThat(detail(browser.get("/api/analytics?from=2024-01-01&to=2026-01-01"))).contains("366");
    }

    private static String detail(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("detail").asString();
    }
}
