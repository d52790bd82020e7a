package dev.truss.adapters.platforms.tiktok;

import dev.truss.application.contract.PublisherContract;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.Publisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TikTokPublisherContractTest extends PublisherContract {

    private TikTokStandIn tiktok;

    @Override
    protected Publisher newPublisher() {
        tiktok = new TikTokStandIn();
        return tiktok.publisher();
    }

    @Override
    protected int postsOnPlatform() {
        return tiktok.posts();
    }

    @Override
    protected AccessToken accessToken() {
        return new AccessToken(TikTokStandIn.TOKEN);
    }

    @Override
    protected AccessToken rejectedToken() {
        return new AccessToken("act.revoked-token");
    }

    @AfterEach
    void closeTheStandIn() {
        tiktok.close();
    }
}
