package dev.truss.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.bootstrap.serve.ServeSettings.Publishing.App;
import dev.truss.domain.platform.Platform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlatformAppsFromTheEnvironmentTest {

    @Test
    void a_platform_is_offered_when_its_client_id_and_secret_are_both_set() {
        Map<String, String> environment = Map.of(
                "TRUSS_YOUTUBE_CLIENT_ID", "yt-id", "TRUSS_YOUTUBE_CLIENT_SECRET", "yt-secret",
                "TRUSS_TIKTOK_CLIENT_ID", "tt-key", "TRUSS_TIKTOK_CLIENT_SECRET", "tt-secret",
                "TRUSS_TWITCH_CLIENT_ID", " ", "TRUSS_TWITCH_CLIENT_SECRET", "");

        Map<Platform, App> apps = ServeCommand.apps(environment::get);

        assertThat(apps).containsOnlyKeys(Platform.YOUTUBE, Platform.TIKTOK);
        assertThat(apps.get(Platform.YOUTUBE)).isEqualTo(new App("yt-id", "yt-secret"));
        assertThat(apps.get(Platform.TIKTOK).toString()).contains("tt-key").doesNotContain("tt-secret");
        assertThat(ServeCommand.apps(name -> null)).isEmpty();
    }

    @Test
    void an_id_without_its_secret_or_a_secret_without_its_id_stops_with_the_names_to_set() {
        assertThatThrownBy(() -> ServeCommand.apps(Map.of("TRUSS_DISCORD_CLIENT_ID", "d-id")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRUSS_DISCORD_CLIENT_ID").hasMessageContaining("TRUSS_DISCORD_CLIENT_SECRET");
        assertThatThrownBy(() -> ServeCommand.apps(Map.of("TRUSS_TWITCH_CLIENT_SECRET", "s3cr3t")::get))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("s3cr3t");
    }

    @Test
    void help_names_the_platform_settings_and_the_redirect_to_register() {
        StringWriter out = new StringWriter();

        int status = TrussCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("serve", "--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("TRUSS_PLATFORMS_ENDPOINT", "TRUSS_YOUTUBE_QUOTA_UNITS",
                "TRUSS_<PLATFORM>_CLIENT_ID", "TRUSS_SEALING_KEYS_RETIRED", "/connect/<platform>/callback");
    }

    @Test
    void a_negative_youtube_quota_is_refused_before_anything_starts() {
        StringWriter err = new StringWriter();

        int status = TrussCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("serve", "--youtube-quota-units", "-5", "--data-dir", "/nonexistent/never-created");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("--youtube-quota-units");
        assertThat(java.nio.file.Path.of("/nonexistent/never-created")).doesNotExist();
    }
}
