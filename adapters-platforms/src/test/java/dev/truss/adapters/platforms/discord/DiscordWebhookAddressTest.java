package dev.truss.adapters.platforms.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import java.net.URI;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DiscordWebhookAddressTest {

    private static final String ID = "1300000000000000001";
    private static final String TOKEN = "wEbHoOk-SeCrEt_token";
    private static final URI STAND_IN = URI.create("http://127.0.0.1:40123/api");

    @ParameterizedTest
    @ValueSource(strings = {"https://discord.com/api/webhooks/%s/%s", "https://discordapp.com/api/webhooks/%s/%s",
            "https://ptb.discord.com/api/v10/webhooks/%s/%s", "https://canary.discord.com/api/webhooks/%s/%s/",
            "HTTPS://Discord.com/api/v9/webhooks/%s/%s"})
    void a_url_on_discords_hosts_names_the_webhook_with_or_without_a_version(String form) {
        DiscordWebhookAddress webhook = DiscordWebhookAddress.pasted(URI.create(String.format(form, ID, TOKEN)));

        assertThat(webhook.id()).isEqualTo(ID);
        assertThat(webhook.token()).isEqualTo(TOKEN);
        assertThat(webhook.threadId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://discord.com/api/webhooks/%s/%s", "https://discord.com.evil.example/api/webhooks/%s/%s",
            "https://evil.example/api/webhooks/%s/%s", "https://discord.com/api/webhooks/abc%s/%s",
            "https://discord.com/api/webhooks/%s", "https://discord.com/api/webhooks/%s/%s?wait=true",
            "https://discord.com:8443/api/webhooks/%s/%s", "https://discord.com/api/channels/%s/%s",
            "https://discord.com/api/webhooks/%s/%s#fragment", "https://discord.com/api/webhooks/%s/%s/messages/1",
            "http://127.0.0.1:40123/api/webhooks/%s/%s"})
    void a_pasted_url_anywhere_else_is_refused_without_quoting_the_token(String form) {
        URI pasted = URI.create(String.format(form, ID, TOKEN));

        assertThatThrownBy(() -> DiscordWebhookAddress.pasted(pasted))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("not a Discord webhook URL").hasMessageNotContaining(TOKEN);
    }

    @Test
    void a_stored_url_may_be_on_the_configured_api_and_name_a_thread() {
        DiscordWebhookAddress webhook = DiscordWebhookAddress.stored(
                STAND_IN + "/webhooks/" + ID + "/" + TOKEN + "?thread_id=1500000000000000001", STAND_IN);

        assertThat(webhook.id()).isEqualTo(ID);
        assertThat(webhook.threadId()).contains("1500000000000000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/api/webhooks/%s/%s", "http://127.0.0.1:40124/api/webhooks/%s/%s",
            "https://127.0.0.1:40123/api/webhooks/%s/%s", "http://discord.com/api/webhooks/%s/%s",
            "https://discord.com/api/users/%s/%s", "not a url at all %s %s"})
    void a_stored_url_off_discord_and_the_configured_api_is_refused_without_quoting_the_token(String form) {
        String stored = String.format(form, ID, TOKEN);

        assertThatThrownBy(() -> DiscordWebhookAddress.stored(stored, STAND_IN))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("connect Discord again").hasMessageNotContaining(TOKEN);
    }

    @Test
    void every_url_built_is_on_the_configured_api_whatever_discord_host_was_read() {
        DiscordWebhookAddress webhook = DiscordWebhookAddress.stored(
                "https://canary.discordapp.com/api/v10/webhooks/" + ID + "/" + TOKEN + "?thread_id=7", STAND_IN);

        assertThat(webhook.grantUrl(STAND_IN)).hasToString(STAND_IN + "/webhooks/" + ID + "/" + TOKEN);
        assertThat(webhook.versionedUrl(STAND_IN)).hasToString(STAND_IN + "/v10/webhooks/" + ID + "/" + TOKEN);
        assertThat(webhook.executeUrl(STAND_IN))
                .hasToString(STAND_IN + "/v10/webhooks/" + ID + "/" + TOKEN + "?wait=true&thread_id=7");
    }

    @Test
    void a_webhook_discord_names_in_the_oauth_answer_must_look_like_one() {
        assertThat(DiscordWebhookAddress.of(ID, TOKEN).grantUrl(STAND_IN)).hasToString(
                STAND_IN + "/webhooks/" + ID + "/" + TOKEN);
        assertThatThrownBy(() -> DiscordWebhookAddress.of(ID, "a/../../" + TOKEN))
                .isInstanceOf(PlatformException.class).hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> DiscordWebhookAddress.of("not-a-snowflake", TOKEN))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void the_webhook_never_prints_its_token() {
        assertThat(DiscordWebhookAddress.of(ID, TOKEN).toString()).contains(ID).doesNotContain(TOKEN);
    }
}
