package dev.truss.adapters.platforms.twitch;

import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.twitch.TwitchStandIn.Channel;
import dev.truss.application.contract.LiveClipperContract;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.LiveClipper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The live-clipper contract, against a stand-in that speaks Twitch's Helix clips API. */
class TwitchLiveClipperContractTest extends LiveClipperContract {

    private static final String TOKEN = "user-token-of-the-streamer";

    private TwitchStandIn twitch;

    @Override
    protected LiveClipper newClipper() {
        twitch = new TwitchStandIn().user(TOKEN, "1001").channel("1001", Channel.LIVE).channel("1002", Channel.OFFLINE);
        twitch.listAfterPolls(1);
        return new TwitchLiveClipper(PlatformSettings.of(new OAuthClient(TwitchStandIn.CLIENT_ID, "secret"),
                twitch.endpoints()), new TwitchLiveClipper.Polling(Duration.ofSeconds(2), Duration.ofSeconds(15)),
                wait -> { });
    }

    @Override
    protected String liveBroadcaster() {
        return "1001";
    }

    @Override
    protected String offlineBroadcaster() {
        return "1002";
    }

    @Override
    protected int clipsOnPlatform() {
        return twitch.clipsCreated();
    }

    @Override
    protected AccessToken accessToken() {
        return new AccessToken(TOKEN);
    }

    @Override
    protected AccessToken rejectedToken() {
        return new AccessToken("a-token-twitch-never-issued");
    }

    @AfterEach
    void stop() {
        twitch.close();
    }
}
