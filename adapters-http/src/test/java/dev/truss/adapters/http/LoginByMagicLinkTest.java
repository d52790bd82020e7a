package dev.truss.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginByMagicLinkTest {

    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asking_for_a_link_answers_202_whether_or_not_the_email_has_an_account() {
        server.loggedIn("known@example.com");
        ApiClient browser = server.browser();

        ApiClient.Reply known = browser.post("/api/auth/magic-links", Map.of("email", "known@example.com"));
        ApiClient.Reply unknown = browser.post("/api/auth/magic-links", Map.of("email", "nobody@example.com"));

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(server.truss.mailer.sent()).hasSize(3);
    }

    @Test
    void a_link_logs_in_with_an_http_only_lax_cookie_that_is_not_secure_on_localhost() {
        ApiClient browser = server.browser();
        browser.post("/api/auth/magic-links", Map.of("email", "new@example.com"));
        String token = server.truss.lastLoginToken("new@example.com").orElseThrow();

        ApiClient.Reply reply = browser.post("/api/auth/sessions", Map.of("token", token));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("firstLogin").asBoolean()).isTrue();
        assertThat(reply.json().get("creator").get("email").asString()).isEqualTo("new@example.com");
        assertThat(reply.body()).doesNotContain(token);
        String cookie = reply.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("truss_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(browser.get("/api/profile").json().get("email").asString()).isEqualTo("new@example.com");
    }

    @Test
    void the_cookie_is_secure_when_browsers_reach_truss_over_https() {
        try (TestServer https = new TestServer(HttpSettings.local(0)
                .withPublicOrigin(java.net.URI.create("https://truss.example")))) {
            ApiClient browser = new ApiClient(https.base(), "https://truss.example");
            browser.post("/api/auth/magic-links", Map.of("email", "a@example.com"));
            String token = https.truss.lastLoginToken("a@example.com").orElseThrow();

            assertThat(browser.post("/api/auth/sessions", Map.of("token", token)).header("Set-Cookie").orElseThrow())
                    .contains("Secure");
        }
    }

    @Test
    void a_link_works_once() {
        ApiClient browser = server.browser();
        browser.post("/api/auth/magic-links", Map.of("email", "a@example.com"));
        String token = server.truss.lastLoginToken("a@example.com").orElseThrow();
        assertThat(browser.post("/api/auth/sessions", Map.of("token", token)).status()).isEqualTo(201);

        ApiClient.Reply again = server.browser().post("/api/auth/sessions", Map.of("token", token));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).contains("not valid");
    }

    @Test
    void a_link_clicked_twice_at_the_same_moment_logs_in_once() throws Exception {
        server.browser().post("/api/auth/magic-links", Map.of("email", "a@example.com"));
        String token = server.truss.lastLoginToken("a@example.com").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Integer> click = () -> server.browser().post("/api/auth/sessions", Map.of("token", token)).status();
            List<Future<Integer>> clicks = pool.invokeAll(java.util.Collections.nCopies(8, click));
            long ok = 0;
            for (Future<Integer> status : clicks) {
                ok += status.get() == 201 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_expired_link_or_a_forged_token_is_refused() {
        ApiClient browser = server.browser();
        browser.post("/api/auth/magic-links", Map.of("email", "a@example.com"));
        String token = server.truss.lastLoginToken("a@example.com").orElseThrow();
        server.truss.clock.advance(Duration.ofMinutes(16));

        assertThat(browser.post("/api/auth/sessions", Map.of("token", token)).status()).isEqualTo(400);
        assertThat(browser.post("/api/auth/sessions", Map.of("token", "A".repeat(43))).status()).isEqualTo(400);
        assertThat(browser.post("/api/auth/sessions", Map.of("token", "../../etc")).status()).isEqualTo(400);
        assertThat(browser.get("/api/profile").status()).isEqualTo(401);
    }

    @Test
    void logging_out_revokes_the_session_even_for_a_copy_of_the_cookie() {
        ApiClient browser = server.loggedIn("a@example.com");
        HttpCookie stolen = browser.cookies().getCookieStore().getCookies().get(0);

        assertThat(browser.delete("/api/auth/session").status()).isEqualTo(204);

        ApiClient thief = server.browser();
        thief.cookies().getCookieStore().add(server.base(), stolen);
        assertThat(thief.get("/api/profile").status()).isEqualTo(401);
        assertThat(browser.get("/api/profile").status()).isEqualTo(401);
    }

    @Test
    void too_many_links_for_one_email_are_refused_with_retry_after() {
        ApiClient browser = server.browser();
        for (int i = 0; i < RateLimits.Settings.defaults().linksPerEmail(); i++) {
            assertThat(browser.post("/api/auth/magic-links", Map.of("email", "a@example.com")).status()).isEqualTo(202);
        }

        ApiClient.Reply refused = browser.post("/api/auth/magic-links", Map.of("email", "A@example.com"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(browser.post("/api/auth/magic-links", Map.of("email", "b@example.com")).status()).isEqualTo(202);
    }

    @Test
    void too_many_verifications_from_one_address_are_refused() {
        ApiClient browser = server.browser();
        int allowed = RateLimits.Settings.defaults().verificationsPerAddress();
        for (int i = 0; i < allowed; i++) {
            assertThat(browser.post("/api/auth/sessions", Map.of("token", "guess" + i)).status()).isEqualTo(400);
        }
        assertThat(browser.post("/api/auth/sessions", Map.of("token", "guess")).status()).isEqualTo(429);
    }

    @Test
    void a_mail_server_that_is_down_gets_a_503_that_says_to_retry() {
        server.truss.mailer.failAlways();

        ApiClient.Reply reply = server.browser().post("/api/auth/magic-links", Map.of("email", "a@example.com"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
