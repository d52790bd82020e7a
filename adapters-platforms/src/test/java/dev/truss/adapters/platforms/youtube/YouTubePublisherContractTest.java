package dev.truss.adapters.platforms.youtube;

import dev.truss.application.contract.PublisherContract;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.Publisher;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The publisher contract against the YouTube stand-in: never a clip posted twice. */
class YouTubePublisherContractTest extends PublisherContract {

    private YouTubeStandIn youtube;

    @Override
    protected Publisher newPublisher() {
        youtube = new YouTubeStandIn(accessToken().value());
        return new YouTubePublisher(youtube.settings(), pause -> { }, Clock.systemUTC());
    }

    @Override
    protected int postsOnPlatform() {
        return youtube.postsOnPlatform();
    }

    @Override
    protected AccessToken rejectedToken() {
        return new AccessToken("expired-access-token");
    }

    @AfterEach
    void stopTheStandIn() {
        youtube.close();
    }
}
