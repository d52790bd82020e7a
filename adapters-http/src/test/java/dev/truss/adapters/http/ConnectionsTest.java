package dev.truss.adapters.http;

import static dev.truss.adapters.http.Journeys.CALLBACK;
import static dev.truss.adapters.http.Journeys.encode;
import static dev.truss.adapters.http.Journeys.items;
import static dev.truss.adapters.http.Journeys.param;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConnectionsTest {

    private static final TestServer SERVER = TestServer.forManyCreators();
    private static final Journeys JOURNEYS = new Journeys(SERVER);

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static URI consent(ApiClient browser, String platform) {
        ApiClient.Reply reply = browser.get("/api/connections/" + platform + "/authorize?redirect=" + encode(CALLBACK));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return URI.create(reply.json().get("url").asString());
    }

    @Test
    void connecting_goes_through_the_consent_page_and_lists_the_account_without_its_tokens() {
        ApiClient browser = SERVER.newCreator();
        URI consent = consent(browser, "TikTok");
        assertThat(consent.getHost()).isEqualTo("tiktok.example");
        URI back = SERVER.truss.authorizers.get(Platform.TIKTOK).approve(consent);

        ApiClient.Reply connected = browser.post("/api/connections/tiktok", Map.of("code", param(back, "code"),
                "state", param(back, "state"), "redirect", CALLBACK));

        assertThat(connected.status()).isEqualTo(201);
        assertThat(connected.json().get("platform").asString()).isEqualTo("tiktok");
        assertThat(connected.json().get("accountId").asString()).isEqualTo("tiktok-account-1");
        ApiClient.Reply listed = browser.get("/api/connections");
        assertThat(items(listed)).hasSize(1);
        assertThat(listed.json().get("next").isNull()).isTrue();
        JsonNode connection = items(listed).get(0);
        assertThat(connection.get("scopes")).extracting(JsonNode::asString).containsExactly("tiktok.upload");
        assertThat(listed.body() + connected.body()).doesNotContain("access-").doesNotContain("refresh-")
                .doesNotContain("token").doesNotContain(param(back, "code"));
    }

    @Test
    void disconnecting_answers_204_forgets_the_account_and_a_second_time_is_a_404() {
        ApiClient browser = SERVER.newCreator();
        assertThat(JOURNEYS.connect(browser, "discord").status()).isEqualTo(201);

        assertThat(browser.delete("/api/connections/Discord").status()).isEqualTo(204);

        assertThat(items(browser.get("/api/connections"))).isEmpty();
        ApiClient.Reply again = browser.delete("/api/connections/discord");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asString()).contains("discord").contains("not connected");
    }

    @Test
    void a_redirect_that_is_missing_or_not_one_of_our_pages_is_a_400() {
        ApiClient browser = SERVER.newCreator();
        String authorize = "/api/connections/youtube/authorize";

        assertThat(detail(browser.get(authorize))).contains("redirect");
        assertThat(detail(browser.get(authorize + "?redirect=" + encode("https://evil.example/steal"))))
                .contains("redirect").contains(TestServer.ORIGIN);
        assertThat(detail(browser.get(authorize + "?redirect=" + encode("/relative")))).contains("redirect");
        assertThat(detail(browser.get(authorize + "?redirect=" + encode("javascript:alert(1)")))).contains("redirect");
        assertThat(detail(browser.get(authorize + "?redirect=" + encode("http://localhost:8080@evil.example/"))))
                .contains("redirect");
    }

    @Test
    void an_unknown_platform_is_a_400_that_lists_the_platforms() {
        ApiClient browser = SERVER.newCreator();

        assertThat(detail(browser.get("/api/connections/myspace/authorize?redirect=" + encode(CALLBACK))))
                .contains("myspace").contains("youtube");
        assertThat(detail(browser.post("/api/connections/myspace", Map.of("code", "c", "state", "s",
                "redirect", CALLBACK)))).contains("platform");
        assertThat(detail(browser.delete("/api/connections/myspace"))).contains("platform");
    }

    @Test
    void a_state_made_for_someone_else_or_a_code_the_platform_refuses_is_a_422_and_connects_nothing() {
        ApiClient alice = SERVER.newCreator();
        ApiClient mallory = SERVER.newCreator();
        URI back = SERVER.truss.authorizers.get(Platform.YOUTUBE).approve(consent(alice, "youtube"));

        ApiClient.Reply stolen = mallory.post("/api/connections/youtube", Map.of("code", param(back, "code"),
                "state", param(back, "state"), "redirect", CALLBACK));
        ApiClient.Reply forgedCode = alice.post("/api/connections/youtube", Map.of("code", "guessed",
                "state", param(back, "state"), "redirect", CALLBACK));
        ApiClient.Reply forgedState = alice.post("/api/connections/youtube", Map.of("code", param(back, "code"),
                "state", "forged", "redirect", CALLBACK));

        assertThat(List.of(stolen.status(), forgedCode.status(), forgedState.status())).containsOnly(422);
        assertThat(forgedCode.json().get("detail").asString()).contains("refused");
        assertThat(items(mallory.get("/api/connections"))).isEmpty();
        assertThat(items(alice.get("/api/connections"))).isEmpty();
    }

    @Test
    void a_grant_with_a_field_missing_is_a_400_naming_it() {
        ApiClient browser = SERVER.newCreator();

        assertThat(detail(browser.post("/api/connections/youtube", Map.of("state", "s", "redirect", CALLBACK))))
                .contains("code");
        assertThat(detail(browser.post("/api/connections/youtube", Map.of("code", "c", "redirect", CALLBACK))))
                .contains("state");
        assertThat(detail(browser.post("/api/connections/youtube", Map.of("code", "c", "state", "s"))))
                .contains("redirect");
        assertThat(detail(browser.post("/api/connections/youtube", Map.of("code", "c", "state", "s",
                "redirect", "https://evil.example/")))).contains("redirect");
    }

    private static String detail(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("detail").asString();
    }
}
