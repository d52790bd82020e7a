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
    void disconnecting_revokes_the_access_forgets_the_account_and_a_second_time_is_a_404() {
        ApiClient browser = SERVER.newCreator();
        assertThat(JOURNEYS.connect(browser, "discord").status()).isEqualTo(201);
        int revoked = SERVER.truss.authorizers.get(Platform.DISCORD).revocations();

        ApiClient.Reply gone = browser.delete("/api/connections/Discord");

        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().get("platform").asString()).isEqualTo("discord");
        assertThat(gone.json().get("revoked").asBoolean()).isTrue();
        assertThat(gone.json().get("problem").isNull()).isTrue();
        assertThat(SERVER.truss.authorizers.get(Platform.DISCORD).revocations()).isEqualTo(revoked + 1);

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
        URI stolenBack = SERVER.truss.authorizers.get(Platform.YOUTUBE).approve(consent(alice, "youtube"));
        URI back = SERVER.truss.authorizers.get(Platform.YOUTUBE).approve(consent(alice, "youtube"));

        ApiClient.Reply stolen = mallory.post("/api/connections/youtube", Map.of("code", param(stolenBack, "code"),
                "state", param(stolenBack, "state"), "redirect", CALLBACK));
        ApiClient.Reply forgedState = alice.post("/api/connections/youtube", Map.of("code", param(back, "code"),
                "state", "forged", "redirect", CALLBACK));
        ApiClient.Reply forgedCode = alice.post("/api/connections/youtube", Map.of("code", "guessed",
                "state", param(back, "state"), "redirect", CALLBACK));

        assertThat(List.of(stolen.status(), forgedCode.status(), forgedState.status())).containsOnly(422);
        assertThat(forgedCode.json().get("detail").asString()).contains("refused");
        assertThat(items(mallory.get("/api/connections"))).isEmpty();
        assertThat(items(alice.get("/api/connections"))).isEmpty();
    }

    @Test
    void a_state_works_once_and_only_in_the_login_session_that_asked_for_the_consent_page() {
        String email = "ines-" + System.nanoTime() + "@example.com";
        ApiClient laptop = SERVER.loggedIn(email);
        ApiClient phone = SERVER.loggedIn(email); // the same creator, another session
        URI fromLaptop = SERVER.truss.authorizers.get(Platform.YOUTUBE).approve(consent(laptop, "youtube"));
        URI again = SERVER.truss.authorizers.get(Platform.YOUTUBE).approve(consent(laptop, "youtube"));
        Map<String, String> grant = Map.of("code", param(again, "code"), "state", param(again, "state"),
                "redirect", CALLBACK);

        ApiClient.Reply otherSession = phone.post("/api/connections/youtube", Map.of("code",
                param(fromLaptop, "code"), "state", param(fromLaptop, "state"), "redirect", CALLBACK));
        ApiClient.Reply first = laptop.post("/api/connections/youtube", grant);
        ApiClient.Reply replayed = laptop.post("/api/connections/youtube", grant);

        assertThat(otherSession.status()).isEqualTo(422);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(replayed.json().get("detail").asString()).contains("used already");
    }

    @Test
    void a_pasted_webhook_connects_its_channel_and_is_never_echoed() {
        ApiClient browser = SERVER.newCreator();
        URI webhook = SERVER.truss.webhooks.create("#clips");

        ApiClient.Reply connected = browser.post("/api/connections/discord/webhook", Map.of("url", webhook.toString()));
        ApiClient.Reply unknown = browser.post("/api/connections/discord/webhook",
                Map.of("url", webhook.toString().replace("secret", "guessed")));
        ApiClient.Reply notOffered = browser.post("/api/connections/youtube/webhook", Map.of("url", webhook.toString()));

        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        assertThat(connected.json().get("accountName").asString()).isEqualTo("#clips");
        assertThat(List.of(unknown.status(), notOffered.status())).containsOnly(422);
        assertThat(connected.body() + unknown.body() + notOffered.body() + browser.get("/api/connections").body())
                .doesNotContain("secret-").doesNotContain("guessed");
        assertThat(detail(browser.post("/api/connections/discord/webhook", Map.of()))).contains("url");
    }

    @Test
    void disconnecting_a_webhook_deletes_it_on_the_platform() {
        ApiClient browser = SERVER.newCreator();
        URI webhook = SERVER.truss.webhooks.create("#clips");
        assertThat(browser.post("/api/connections/discord/webhook", Map.of("url", webhook.toString())).status())
                .isEqualTo(201);

        ApiClient.Reply gone = browser.delete("/api/connections/discord");

        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().get("revoked").asBoolean()).isTrue();
        assertThat(SERVER.truss.webhooks.exists(webhook)).isFalse();
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
