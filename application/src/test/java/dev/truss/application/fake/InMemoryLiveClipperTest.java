package dev.truss.application.fake;

import dev.truss.application.contract.LiveClipperContract;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.domain.platform.Platform;

class InMemoryLiveClipperTest extends LiveClipperContract {

    private InMemoryLiveClipper platform;

    @Override
    protected LiveClipper newClipper() {
        platform = new InMemoryLiveClipper(Platform.TWITCH);
        platform.goLive("on-air");
        return platform;
    }

    @Override
    protected String liveBroadcaster() {
        return "on-air";
    }

    @Override
    protected String offlineBroadcaster() {
        return "asleep";
    }

    @Override
    protected int clipsOnPlatform() {
        return platform.clips().size();
    }

    @Override
    protected AccessToken rejectedToken() {
        platform.acceptOnly(token -> !token.value().equals("revoked"));
        return new AccessToken("revoked");
    }
}
