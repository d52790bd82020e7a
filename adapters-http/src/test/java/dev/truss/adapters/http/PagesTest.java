package dev.truss.adapters.http;

import static dev.truss.adapters.http.Journeys.encode;
import static dev.truss.adapters.http.Journeys.items;
import static dev.truss.adapters.http.Journeys.param;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.platform.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The built-in pages, server side: what is served, to whom, with which headers, and that the
 * addresses the pages' script builds are ones the API accepts. The script itself is not run here
 * (no headless browser in the build); it is kept small, and what it must never do is checked in
 * its text.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PagesTest {

    private static final TestServer SERVER = TestServer.forManyCreators();
    private static final List<String> PAGE_FILES = List.of("login.html", "verify.html", "app.html", "connected.html");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static List<String> platforms() {
        return Arrays.stream(Platform.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static String callback(String platform) {
        return "/connect/" + platform + "/callback";
    }

    @Test
    void every_page_is_html_that_is_not_cached_runs_only_our_script_and_sends_no_referer() {
        ApiClient browser = SERVER.newCreator();
        List<String> paths = new ArrayList<>(List.of("/login", "/login/verify", "/app"));
        platforms().forEach(platform -> paths.add(callback(platform)));

        for (String path : paths) {
            ApiClient.Reply reply = browser.get(path);

            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.header("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type.replace(" ", ""))
                    .isEqualToIgnoringCase("text/html;charset=utf-8"));
            assertThat(reply.header("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(reply.header("Cache-Control")).as(path).contains("no-store");
            assertThat(reply.header("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(reply.header("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void the_callback_page_without_a_session_sends_the_browser_to_the_login_page() {
        for (String platform : platforms()) {
            ApiClient.Reply reply = SERVER.browser().get(callback(platform) + "?code=c&state=s");

            assertThat(reply.status()).as(platform).isEqualTo(303);
            assertThat(reply.header("Location")).as(platform).contains("/login");
            assertThat(reply.body()).as(platform).doesNotContain("code=c");
        }
    }

    @Test
    void a_callback_for_a_platform_that_is_not_one_of_ours_is_a_404_problem_not_a_page() {
        ApiClient browser = SERVER.newCreator();

        for (String platform : List.of("myspace", "YouTube", "you%20tube", "callback")) {
            ApiClient.Reply reply = browser.get(callback(platform));

            assertThat(reply.status()).as(platform).isEqualTo(404);
            assertThat(reply.header("Content-Type")).as(platform)
                    .hasValueSatisfying(type -> assertThat(type).startsWith(Problems.CONTENT_TYPE));
            assertThat(reply.json().get("detail").asString()).as(platform).isNotBlank();
        }
    }

    @Test
    void connecting_as_the_app_page_does_comes_back_to_the_platforms_own_callback_page_which_completes_it() {
        ApiClient browser = SERVER.newCreator();
        for (String platform : platforms()) {
            // What app.html asks for, on the origin the browser is on:
            String redirect = TestServer.ORIGIN + callback(platform);
            ApiClient.Reply begun = browser.get("/api/connections/" + platform + "/authorize?redirect="
                    + encode(redirect));
            assertThat(begun.status()).as(begun.body()).isEqualTo(200);
            URI back = SERVER.truss.authorizers.get(Platform.parse(platform))
                    .approve(URI.create(begun.json().get("url").asString()));

            // The platform sends the browser to the callback page, which is there for it:
            assertThat(back.getPath()).isEqualTo(callback(platform));
            ApiClient.Reply page = browser.get(back.getRawPath() + "?" + back.getRawQuery());
            assertThat(page.status()).as(platform).isEqualTo(200);
            assertThat(page.body()).as("the page does not echo the code").doesNotContain(param(back, "code"));

            // What the page's script posts: its own address without the query, as the redirect.
            ApiClient.Reply connected = browser.post("/api/connections/" + platform, Map.of(
                    "code", param(back, "code"), "state", param(back, "state"),
                    "redirect", TestServer.ORIGIN + back.getPath()));
            assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        }

        assertThat(items(browser.get("/api/connections"))).extracting(c -> c.get("platform").asString())
                .containsExactlyInAnyOrderElementsOf(platforms());
    }

    @Test
    void the_app_page_offers_a_connect_button_for_every_platform_and_a_labelled_field_for_a_discord_webhook() {
        String app = SERVER.newCreator().get("/app").body();

        platforms().forEach(platform -> assertThat(app).contains("<button type=\"button\" data-connect=\""
                + platform + "\">"));
        assertThat(app).contains("<label for=\"webhook-url\">").contains("<input id=\"webhook-url\"")
                .contains("id=\"connections\"").contains("role=\"status\"");
    }

    @Test
    void no_page_has_an_inline_script_or_event_handler_which_the_policy_would_block() {
        for (String name : PAGE_FILES) {
            String html = resource(name);
            Matcher tags = SCRIPT_TAG.matcher(html);
            int scripts = 0;
            while (tags.find()) {
                scripts++;
                assertThat(tags.group()).as(name).isEqualTo("<script src=\"/assets/truss.js\">");
                assertThat(html.substring(tags.end())).as(name).startsWith("</script>");
            }
            assertThat(scripts).as(name).isEqualTo(1);
            assertThat(html).as(name).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContainIgnoringCase("javascript:")
                    .doesNotContain("style=");
        }
    }

    @Test
    void the_script_clears_the_code_from_the_address_bar_logs_nothing_and_writes_no_html() {
        ApiClient.Reply reply = SERVER.browser().get("/assets/truss.js");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type.replace(" ", ""))
                .isEqualToIgnoringCase("text/javascript;charset=utf-8"));
        assertThat(reply.body()).contains("history.replaceState(null, '', location.pathname)")
                .doesNotContain("console.").doesNotContain("innerHTML").doesNotContain("outerHTML")
                .doesNotContain("document.write").doesNotContain("eval(");
    }

    private static String resource(String name) {
        try (InputStream in = PagesTest.class.getResourceAsStream("/dev/truss/adapters/http/pages/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
