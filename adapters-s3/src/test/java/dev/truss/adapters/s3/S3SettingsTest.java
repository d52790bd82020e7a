package dev.truss.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class S3SettingsTest {

    @Test
    void a_bucket_on_aws_is_virtual_hosted_with_the_default_credentials() {
        S3Settings settings = S3Settings.of("truss-videos", "eu-west-1");

        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.pathStyleAccess()).isFalse();
        assertThat(settings.credentials()).isEmpty();
    }

    @Test
    void another_endpoint_is_reached_path_style() {
        S3Settings settings = S3Settings.of("truss", "us-east-1").withEndpoint(URI.create("http://127.0.0.1:9000"));

        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.pathStyleAccess()).isTrue();
        assertThat(settings.withPathStyleAccess(false).pathStyleAccess()).isFalse();
    }

    @Test
    void a_bucket_name_s3_would_refuse_is_refused_with_the_rule() {
        for (String bad : new String[] {"Truss", "tr", "truss_videos", "-truss", "truss-", "tr..uss", "192.168.1.1",
                "a".repeat(64)}) {
            assertThatThrownBy(() -> S3Settings.of(bad, "eu-west-1"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an S3 bucket name")
                    .hasMessageContaining(bad);
        }
        assertThat(S3Settings.of("truss.videos-2", "eu-west-1").bucket()).isEqualTo("truss.videos-2");
    }

    @Test
    void a_region_must_look_like_one() {
        assertThatThrownBy(() -> S3Settings.of("truss", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an AWS region");
        assertThatThrownBy(() -> S3Settings.of("truss", "EU West 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an AWS region");
    }

    @Test
    void an_endpoint_must_be_an_http_url_with_a_host_and_nothing_the_sdk_would_drop() {
        S3Settings settings = S3Settings.of("truss", "us-east-1");

        assertThatThrownBy(() -> settings.withEndpoint(URI.create("ftp://example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL with a host");
        assertThatThrownBy(() -> settings.withEndpoint(URI.create("localhost:9000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL with a host");
        assertThatThrownBy(() -> settings.withEndpoint(URI.create("http://user:hunter2@example.com:9000/?x=1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user info, query or fragment")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void static_credentials_need_both_parts_and_never_show_the_secret() {
        S3Settings settings = S3Settings.of("truss", "us-east-1").withCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI-secret");

        assertThat(settings.credentials()).map(S3Settings.StaticCredentials::secretAccessKey).contains("wJalrXUtnFEMI-secret");
        assertThat(settings.toString()).contains("AKIDEXAMPLE").doesNotContain("wJalrXUtnFEMI-secret");
        assertThatThrownBy(() -> settings.withCredentials("AKIDEXAMPLE", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must both be given");
        assertThatThrownBy(() -> new S3Settings("truss", "us-east-1", Optional.empty(), false, null))
                .isInstanceOf(NullPointerException.class);
    }
}
