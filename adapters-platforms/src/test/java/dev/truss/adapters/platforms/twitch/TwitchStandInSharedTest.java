package dev.truss.adapters.platforms.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.oauth.OAuthStandIn;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Pkce;
import dev.truss.application.port.platform.Publisher.Posted;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Twitch's OAuth and Helix clips on one stand-in server, as {@code truss serve} meets them: the
 * broadcaster Truss connects is the one whose broadcast it can clip, with the token it was granted.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwitchStandInSharedTest {

    private final StandInServer server = new StandInServer();
    private final OAuthStandIn login = new OAuthStandIn(OAuthStandIn.Flavor.TWITCH, server,
            OAuthStandIn.REGISTERED_REDIRECT);
    private final TwitchStandIn twitch = new TwitchStandIn(server, login::accepts);
    private final TwitchAuthorizer authorizer = new TwitchAuthorizer(login.settings(), Clock.systemUTC());
    private final LiveClipper clipper = new TwitchLiveClipper(login.settings(),
            new TwitchLiveClipper.Polling(Duration.ofSeconds(2), Duration.ofSeconds(15)), wait -> { });

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_connected_broadcaster_is_live_and_clipped_with_the_token_twitchs_oauth_granted() throws Exception {
        Pkce pkce = Pkce.generate();
        OAuthGrant grant = authorizer.exchange(login.issueCode(authorizer, pkce), pkce.verifier(),
                OAuthStandIn.REGISTERED_REDIRECT);

        Posted posted = clipper.clip(new LiveClipper.Request(grant.accountId(), grant.accessToken(), "Clutch round",
                Optional.empty()), id -> { });

        assertThat(grant.accountId()).isEqualTo(OAuthStandIn.TWITCH_USER_ID);
        assertThat(twitch.clips()).singleElement().satisfies(clip -> {
            assertThat(clip.id()).isEqualTo(posted.remoteId());
            assertThat(clip.broadcasterId()).isEqualTo(grant.accountId());
            assertThat(clip.creatorId()).isEqualTo(grant.accountId());
            assertThat(clip.title()).isEqualTo("Clutch round");
        });
        assertThat(posted.url()).isEqualTo("https://clips.twitch.tv/" + posted.remoteId());
    }

    @Test
    void a_token_twitchs_oauth_no_longer_honours_is_rejected() throws Exception {
        Pkce pkce = Pkce.generate();
        OAuthGrant grant = authorizer.exchange(login.issueCode(authorizer, pkce), pkce.verifier(),
                OAuthStandIn.REGISTERED_REDIRECT);
        login.expire(grant.accessToken().value());

        assertThatThrownBy(() -> clipper.clip(new LiveClipper.Request(grant.accountId(), grant.accessToken(), "t",
                Optional.empty()), id -> { }))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.TOKEN_REJECTED));
        assertThat(twitch.clipsCreated()).isZero();
    }
}
