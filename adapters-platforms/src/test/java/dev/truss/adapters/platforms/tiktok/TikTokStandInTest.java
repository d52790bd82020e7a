package dev.truss.adapters.platforms.tiktok;

import static dev.truss.adapters.platforms.tiktok.TikTokStandIn.MB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.adapters.platforms.PlatformHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The stand-in refuses what TikTok refuses, so a publisher that breaks a rule fails its tests. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TikTokStandInTest {

    private final TikTokStandIn tiktok = new TikTokStandIn();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void closeTheStandIn() {
        tiktok.close();
    }

    @Test
    void an_init_whose_chunks_break_the_rules_is_refused_in_tiktoks_envelope() throws Exception {
        JsonNode wrongCount = init(12 * MB, 5 * MB, 3).json();
        JsonNode tooSmall = init(12 * MB, 4 * MB, 3).json();
        JsonNode notWhole = init(4 * MB, 2 * MB, 2).json();

        for (JsonNode answer : new JsonNode[] {wrongCount, tooSmall, notWhole}) {
            assertThat(answer.at("/error/code").asString()).isEqualTo("invalid_param");
            assertThat(answer.at("/error/log_id").asString()).isNotBlank();
        }
        assertThat(tiktok.publishIds()).isEmpty();
    }

    @Test
    void api_calls_without_the_bearer_token_or_tiktoks_content_type_are_refused() throws Exception {
        HttpResponse<String> noToken = client.send(HttpRequest.newBuilder(api(TikTokStandIn.CREATOR_INFO))
                .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plainJson = client.send(HttpRequest.newBuilder(api(TikTokStandIn.CREATOR_INFO))
                .header("Authorization", "Bearer " + TikTokStandIn.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(PlatformHttp.JSON.readTree(noToken.body()).at("/error/code").asString())
                .isEqualTo("access_token_invalid");
        assertThat(plainJson.statusCode()).isEqualTo(400);
    }

    @Test
    void chunks_must_come_in_order_with_a_range_that_adds_up_and_the_last_is_answered_201() throws Exception {
        JsonNode data = init(11 * MB, 5 * MB, 2).json().path("data");
        URI upload = URI.create(data.path("upload_url").asString());
        byte[] first = new byte[(int) (5 * MB)];
        byte[] last = new byte[(int) (6 * MB)];

        int outOfOrder = put(upload, last, "bytes " + 5 * MB + "-" + (11 * MB - 1) + "/" + 11 * MB);
        int wrongTotal = put(upload, first, "bytes 0-" + (5 * MB - 1) + "/" + 12 * MB);
        int firstChunk = put(upload, first, "bytes 0-" + (5 * MB - 1) + "/" + 11 * MB);
        int lastChunk = put(upload, last, "bytes " + 5 * MB + "-" + (11 * MB - 1) + "/" + 11 * MB);

        assertThat(new int[] {outOfOrder, wrongTotal, firstChunk, lastChunk}).containsExactly(416, 416, 206, 201);
        assertThat(tiktok.posts()).isEqualTo(1);
    }

    private record Answer(int status, JsonNode json) {
    }

    private Answer init(long size, long chunk, long count) throws Exception {
        String body = PlatformHttp.JSON.writeValueAsString(Map.of(
                "post_info", Map.of("title", "t", "privacy_level", "SELF_ONLY"),
                "source_info", Map.of("source", "FILE_UPLOAD", "video_size", size, "chunk_size", chunk,
                        "total_chunk_count", count)));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(api(TikTokStandIn.INIT))
                .header("Authorization", "Bearer " + TikTokStandIn.TOKEN)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), PlatformHttp.JSON.readTree(response.body()));
    }

    private int put(URI upload, byte[] bytes, String range) throws Exception {
        return client.send(HttpRequest.newBuilder(upload).header("Content-Type", "video/mp4")
                .header("Content-Range", range).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI api(String path) {
        return tiktok.base().resolve(path);
    }
}
