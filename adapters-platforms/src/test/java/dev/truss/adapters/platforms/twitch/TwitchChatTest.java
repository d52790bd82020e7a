package dev.truss.adapters.platforms.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.StandInServer.Recorded;
import dev.truss.adapters.platforms.twitch.TwitchStandIn.Channel;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwitchChatTest {

    private final TwitchStandIn twitch = new TwitchStandIn().user("mod-token", "2002").channel("1001", Channel.LIVE);
    private final TwitchChat chat = new TwitchChat(
            PlatformSettings.of(new OAuthClient(TwitchStandIn.CLIENT_ID, "secret"), twitch.endpoints()));

    @AfterEach
    void stop() {
        twitch.close();
    }

    @Test
    void an_announcement_is_posted_as_json_by_the_moderator_the_token_belongs_to() {
        chat.announce("1001", "2002", new AccessToken("mod-token"), "New clip: https://clips.twitch.tv/Slug");

        Recorded post = twitch.received("POST", "/helix/chat/announcements").get(0);
        assertThat(StandInServer.form(post.query())).containsEntry("broadcaster_id", "1001").containsEntry("moderator_id", "2002");
        assertThat(post.header("Authorization")).isEqualTo("Bearer mod-token");
        assertThat(PlatformHttp.JSON.readTree(post.text()).path("message").asString())
                .isEqualTo("New clip: https://clips.twitch.tv/Slug");
    }

    @Test
    void a_long_announcement_is_cut_to_twitchs_500_characters() {
        chat.announce("1001", "2002", new AccessToken("mod-token"), "x".repeat(800));

        String sent = PlatformHttp.JSON.readTree(twitch.received("POST", "/helix/chat/announcements").get(0).text())
                .path("message").asString();
        assertThat(sent).hasSize(500).endsWith("…");
    }

    @Test
    void announcing_as_someone_else_than_the_token_is_refused() {
        assertThatThrownBy(() -> chat.announce("1001", "9999", new AccessToken("mod-token"), "hi"))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.REFUSED));
    }
}
