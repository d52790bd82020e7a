package dev.truss.adapters.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeminiSettingsTest {

    private static final String KEY = "AIzaSy-secret-0123456789";

    @Test
    void a_key_alone_gets_the_defaults() {
        GeminiSettings settings = GeminiSettings.of(KEY);

        assertThat(settings.model()).isEqualTo("gemini-2.5-flash");
        assertThat(settings.apiVersion()).isEqualTo("v1beta");
        assertThat(settings.baseUrl()).isEmpty();
        assertThat(settings.promptVersion()).isEqualTo("moments-v1");
        assertThat(settings.fileActiveTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.filePollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.overallDeadline()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.retries()).isEqualTo(GeminiSettings.Retries.defaults());
        assertThat(settings.maxPartLength()).isEqualTo(Duration.ofMinutes(45));
        assertThat(settings.partOverlap()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void every_setting_can_be_changed() {
        GeminiSettings settings = GeminiSettings.of(KEY)
                .withModel("gemini-2.5-pro")
                .withApiVersion("v1")
                .withBaseUrl(URI.create("http://127.0.0.1:8089/"))
                .withPromptVersion("moments-v2")
                .withFileActiveWait(Duration.ofMinutes(3), Duration.ofSeconds(2))
                .withRequestTimeout(Duration.ofMinutes(4))
                .withOverallDeadline(Duration.ofMinutes(20))
                .withRetries(GeminiSettings.Retries.none())
                .withParts(Duration.ofMinutes(30), Duration.ofSeconds(30))
                .withSpending(GeminiSettings.MediaResolution.MEDIUM, Optional.of(512));

        assertThat(settings).isEqualTo(new GeminiSettings(KEY, "gemini-2.5-pro", "v1",
                Optional.of(URI.create("http://127.0.0.1:8089/")), "moments-v2", Duration.ofMinutes(3),
                Duration.ofSeconds(2), Duration.ofMinutes(4), Duration.ofMinutes(20), GeminiSettings.Retries.none(),
                Duration.ofMinutes(30), Duration.ofSeconds(30), GeminiSettings.MediaResolution.MEDIUM,
                Optional.of(512)));
    }

    @Test
    void by_default_frames_cost_the_least_and_the_model_thinks_as_it_would_and_a_budget_out_of_range_is_refused() {
        GeminiSettings settings = GeminiSettings.of(KEY);

        assertThat(settings.mediaResolution()).isEqualTo(GeminiSettings.MediaResolution.LOW);
        assertThat(settings.thinkingBudget()).isEmpty();
        assertThatThrownBy(() -> settings.withSpending(GeminiSettings.MediaResolution.LOW, Optional.of(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0–32768");
        assertThatThrownBy(() -> settings.withSpending(GeminiSettings.MediaResolution.LOW, Optional.of(40_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_key_is_never_shown() {
        GeminiSettings settings = GeminiSettings.of(KEY);

        assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=(hidden)", "model=gemini-2.5-flash");
        assertThatThrownBy(() -> GeminiSettings.of(KEY).withModel("not a model"))
                .hasMessageNotContaining(KEY);
    }

    @Test
    void a_key_must_be_given_and_fit_in_a_header() {
        for (String bad : new String[] {"", "  ", "with space", "line\nbreak", "ключ"}) {
            assertThatThrownBy(() -> GeminiSettings.of(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the Gemini API key must be given, as printable ASCII without spaces");
        }
        assertThatThrownBy(() -> GeminiSettings.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void model_api_version_and_prompt_version_must_look_like_one() {
        GeminiSettings settings = GeminiSettings.of(KEY);

        assertThatThrownBy(() -> settings.withModel("gemini 2.5")).hasMessageContaining("not a Gemini model name");
        assertThatThrownBy(() -> settings.withModel("../files")).hasMessageContaining("not a Gemini model name");
        assertThat(settings.withModel("tunedModels/my-model-1").model()).isEqualTo("tunedModels/my-model-1");
        assertThatThrownBy(() -> settings.withApiVersion("beta")).hasMessageContaining("not a Gemini API version");
        assertThat(settings.withApiVersion("v1alpha").apiVersion()).isEqualTo("v1alpha");
        assertThatThrownBy(() -> settings.withPromptVersion("../moments")).hasMessageContaining("names a resource");
    }

    @Test
    void a_base_url_is_an_http_url_with_a_host_and_nothing_the_sdk_would_drop() {
        GeminiSettings settings = GeminiSettings.of(KEY);

        assertThatThrownBy(() -> settings.withBaseUrl(URI.create("ftp://example.com")))
                .hasMessageContaining("http(s) URL with a host");
        assertThatThrownBy(() -> settings.withBaseUrl(URI.create("http://user:hunter2@example.com/?key=1")))
                .hasMessageContaining("no user info, query or fragment").hasMessageNotContaining("hunter2");
    }

    @Test
    void durations_must_be_positive_and_parts_must_overlap_by_at_most_half() {
        GeminiSettings settings = GeminiSettings.of(KEY);

        assertThatThrownBy(() -> settings.withRequestTimeout(Duration.ZERO))
                .hasMessage("the Gemini request timeout must be at least 1 ms, got PT0S");
        assertThatThrownBy(() -> settings.withOverallDeadline(Duration.ofSeconds(-1)))
                .hasMessageContaining("overall deadline must be at least 1 ms");
        assertThatThrownBy(() -> settings.withFileActiveWait(Duration.ofMinutes(1), Duration.ZERO))
                .hasMessageContaining("file poll interval");
        assertThatThrownBy(() -> settings.withParts(Duration.ofSeconds(30), Duration.ZERO))
                .hasMessageContaining("at least a minute");
        assertThatThrownBy(() -> settings.withParts(Duration.ofMinutes(10), Duration.ofMinutes(6)))
                .hasMessageContaining("at most half a part");
        assertThatThrownBy(() -> settings.withParts(Duration.ofMinutes(10), Duration.ofSeconds(-1)))
                .hasMessageContaining("0 or more");
    }

    @Test
    void retries_are_bounded_and_back_off_exponentially_up_to_the_maximum() {
        GeminiSettings.Retries retries = new GeminiSettings.Retries(6, Duration.ofSeconds(2), Duration.ofSeconds(10));

        assertThat(retries.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retries.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retries.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retries.backoffAfter(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retries.backoffAfter(50)).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> new GeminiSettings.Retries(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("1–20 attempts");
        assertThatThrownBy(() -> new GeminiSettings.Retries(3, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("at most the max backoff");
    }
}
