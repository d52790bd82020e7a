package dev.truss.adapters.platforms.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.platforms.StandInServer.Reply;
import dev.truss.adapters.platforms.discord.DiscordWebhookConnector;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DiscordWebhookConnectorTest {

    private final OAuthStandIn discord = new OAuthStandIn(OAuthStandIn.Flavor.DISCORD);
    private final DiscordWebhookConnector connector = new DiscordWebhookConnector(discord.settings());
    private final OAuthStandIn.Webhook hook = discord.createWebhook();

    @AfterEach
    void stop() {
        discord.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://discord.com/api/webhooks/%s/%s", "https://discordapp.com/api/webhooks/%s/%s",
            "https://ptb.discord.com/api/v10/webhooks/%s/%s", "https://canary.discord.com/api/webhooks/%s/%s/"})
    void a_discord_webhook_url_connects_as_that_webhook(String form) {
        OAuthGrant grant = connector.connect(URI.create(String.format(form, hook.id(), hook.token())));

        assertThat(grant.accountId()).isEqualTo(hook.id());
        assertThat(grant.accountName()).isEqualTo(hook.name());
        assertThat(grant.accessToken().value()).isEqualTo(discord.settings().endpoints().api() + "/webhooks/"
                + hook.id() + "/" + hook.token());
        assertThat(discord.server().received("GET", "/api/webhooks/" + hook.id() + "/.+")).hasSize(1);
        assertThat(discord.server().received().get(0).header("Authorization")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://discord.com/api/webhooks/%s/%s", "https://discord.com.evil.example/api/webhooks/%s/%s",
            "https://evil.example/api/webhooks/%s/%s", "https://discord.com/api/webhooks/abc%s/%s",
            "https://discord.com/api/webhooks/%s", "https://discord.com/api/webhooks/%s/%s?wait=true",
            "https://discord.com:8443/api/webhooks/%s/%s", "https://discord.com/api/channels/%s/%s"})
    void anything_else_is_refused_without_calling_anyone_or_quoting_the_token(String form) {
        URI pasted = URI.create(String.format(form, hook.id(), hook.token()));

        assertThatThrownBy(() -> connector.connect(pasted))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("not a Discord webhook URL").hasMessageNotContaining(hook.token());
        assertThat(discord.server().received()).isEmpty();
    }

    @Test
    void revoking_deletes_the_webhook_so_nothing_posts_through_it_and_a_second_revoke_is_harmless() {
        OAuthGrant grant = connector.connect(URI.create("https://discord.com/api/webhooks/" + hook.id() + "/"
                + hook.token()));

        connector.revoke(grant.accessToken());
        connector.revoke(grant.accessToken());

        assertThat(discord.webhookExists(hook.id())).isFalse();
        assertThat(discord.server().received("DELETE", "/api/webhooks/" + hook.id() + "/.+")).hasSize(2);
        assertThatThrownBy(() -> connector.connect(URI.create(grant.accessToken().value()
                .replace(discord.settings().endpoints().api().toString(), "https://discord.com/api"))))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void a_deleted_webhook_is_not_a_working_one() {
        URI pasted = URI.create("https://discord.com/api/webhooks/" + hook.id() + "/" + hook.token());
        connector.connect(pasted);
        discord.server().route("GET", "/api/webhooks/.*", (r, m, x) -> Reply.json(404, "{\"message\":\"Unknown Webhook\"}"));

        assertThatThrownBy(() -> connector.connect(pasted)).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("not a working Discord webhook").hasMessageNotContaining(hook.token());
    }

    @Test
    void a_wrong_token_is_not_a_working_webhook() {
        URI pasted = URI.create("https://discord.com/api/webhooks/" + hook.id() + "/wrong-TOKEN");

        assertThatThrownBy(() -> connector.connect(pasted)).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("not a working Discord webhook").hasMessageNotContaining("wrong-TOKEN");
    }

    @Test
    void discord_being_down_is_temporary() {
        discord.server().route("GET", "/api/webhooks/.*", (r, m, x) -> Reply.json(502, "{}"));

        assertThatThrownBy(() -> connector.connect(URI.create("https://discord.com/api/webhooks/" + hook.id() + "/"
                + hook.token()))).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.TEMPORARY));
    }
}
