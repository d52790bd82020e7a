package dev.truss.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadRequestsTest {

    private static final TestServer SERVER = new TestServer();
    private static final ApiClient BROWSER = SERVER.loggedIn("bad@example.com");

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static ApiClient.Reply patchProfile(String body, String type) {
        return BROWSER.send("PATCH", "/api/profile", body, type);
    }

    @Test
    void malformed_json_is_a_400_that_says_so() {
        ApiClient.Reply reply = patchProfile("{\"displayName\": ", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void a_field_of_the_wrong_type_is_named() {
        ApiClient.Reply reply = patchProfile("{\"displayName\": [1, 2]}", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("displayName");
    }

    @Test
    void a_number_sent_as_text_or_text_sent_as_a_number_is_the_wrong_type_and_named() {
        ApiClient.Reply textForNumber = SERVER.newCreator().send("POST", "/api/uploads",
                "{\"title\": \"Launch\", \"contentType\": \"video/mp4\", \"sizeBytes\": \"10\"}",
                "application/json");
        ApiClient.Reply numberForText = patchProfile("{\"displayName\": 5}", "application/json");

        assertThat(textForNumber.status()).isEqualTo(400);
        assertThat(textForNumber.json().get("detail").asString()).contains("sizeBytes");
        assertThat(numberForText.status()).isEqualTo(400);
        assertThat(numberForText.json().get("detail").asString()).contains("displayName");
    }

    @Test
    void a_missing_field_is_named() {
        ApiClient.Reply reply = patchProfile("{}", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("displayName");
    }

    @Test
    void an_unknown_field_is_named() {
        ApiClient.Reply reply = patchProfile("{\"displayName\": \"x\", \"creatorId\": \"someone\"}", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("creatorId");
    }

    @Test
    void a_body_that_is_not_json_is_a_415() {
        assertThat(patchProfile("displayName=x", "application/x-www-form-urlencoded").status()).isEqualTo(415);
    }

    @Test
    void a_media_type_that_merely_starts_like_json_is_a_415_and_json_with_a_charset_is_fine() {
        assertThat(patchProfile("{\"displayName\": \"x\"}", "application/jsonp").status()).isEqualTo(415);
        assertThat(patchProfile("{\"displayName\": \"x\"}", "application/json; charset=utf-8").status()).isEqualTo(200);
    }

    @Test
    void an_empty_or_null_body_is_a_400() {
        assertThat(patchProfile("", "application/json").status()).isEqualTo(400);
        assertThat(patchProfile("null", "application/json").status()).isEqualTo(400);
    }

    @Test
    void an_oversized_body_is_a_413_and_the_server_keeps_serving() {
        String huge = "{\"displayName\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        assertThat(patchProfile(huge, "application/json").status()).isEqualTo(413);
        assertThat(BROWSER.get("/api/profile").status()).isEqualTo(200);
    }

    @Test
    void a_problem_keeps_every_character_of_its_message() {
        ApiClient.Reply reply = BROWSER.get("/api/assets?limit=0");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("1–100");
    }

    @Test
    void an_unknown_address_is_a_404_problem() {
        ApiClient.Reply reply = BROWSER.get("/api/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void a_rule_of_the_domain_is_a_4xx_with_its_message() {
        ApiClient.Reply reply = patchProfile("{\"displayName\": \"" + "y".repeat(500) + "\"}", "application/json");

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.json().get("detail").asString()).isNotBlank().doesNotContain("Exception");
    }
}
