package dev.truss.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GuardsTest {

    private static final TestServer SERVER = new TestServer();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void an_api_route_without_a_session_answers_401_as_problem_json() {
        ApiClient.Reply reply = SERVER.browser().get("/api/profile");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void a_page_without_a_session_sends_the_browser_to_the_login_page() {
        ApiClient.Reply reply = SERVER.browser().get("/app");

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.header("Location")).contains("/login");
    }

    @Test
    void a_page_with_a_session_is_served_with_a_strict_content_security_policy() {
        ApiClient.Reply reply = SERVER.loggedIn("page@example.com").get("/app");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void a_state_changing_request_without_an_origin_is_refused() {
        ApiClient noOrigin = SERVER.loggedIn("o1@example.com").withHeader("Origin", null);

        ApiClient.Reply reply = noOrigin.patch("/api/profile", Map.of("displayName", "Mallory"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("detail").asString()).contains("Origin");
    }

    @Test
    void a_state_changing_request_from_a_foreign_origin_is_refused_and_changes_nothing() {
        ApiClient browser = SERVER.loggedIn("o2@example.com");
        ApiClient.Reply reply = browser.withHeader("Origin", "https://evil.example")
                .patch("/api/profile", Map.of("displayName", "Mallory"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(browser.get("/api/profile").json().get("displayName").asString()).isNotEqualTo("Mallory");
    }

    @Test
    void reading_needs_no_origin() {
        assertThat(SERVER.loggedIn("o3@example.com").withHeader("Origin", null).get("/api/profile").status())
                .isEqualTo(200);
    }

    @Test
    void a_cors_preflight_from_our_origin_is_allowed_with_credentials_and_a_foreign_one_is_not() {
        ApiClient ours = SERVER.browser().withHeader("Access-Control-Request-Method", "PATCH");
        ApiClient.Reply allowed = ours.send("OPTIONS", "/api/profile", null, null);
        ApiClient.Reply foreign = ours.withHeader("Origin", "https://evil.example")
                .send("OPTIONS", "/api/profile", null, null);

        assertThat(allowed.header("Access-Control-Allow-Origin")).contains(TestServer.ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void every_answer_carries_a_request_id_and_a_sane_one_given_is_kept() {
        assertThat(SERVER.browser().get("/health").header(RequestIds.HEADER)).isPresent();
        assertThat(SERVER.browser().withHeader(RequestIds.HEADER, "abc-123").get("/health").header(RequestIds.HEADER))
                .contains("abc-123");
        assertThat(SERVER.browser().withHeader(RequestIds.HEADER, "no spaces\tplease").get("/health")
                .header(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).doesNotContain(" "));
    }

    @Test
    void health_answers_without_a_session() {
        ApiClient.Reply reply = SERVER.browser().get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("up");
    }
}
