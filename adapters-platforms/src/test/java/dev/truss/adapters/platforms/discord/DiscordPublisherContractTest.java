package dev.truss.adapters.platforms.discord;

import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.application.contract.PublisherContract;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.Publisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** The publisher contract against the Discord stand-in; a webhook posts in one request, so no resume tokens. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DiscordPublisherContractTest extends PublisherContract {

    private DiscordStandIn discord;

    @Override
    protected Publisher newPublisher() {
        discord = new DiscordStandIn();
        MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
        return new DiscordPublisher(PlatformSettings.of(new OAuthClient("discord-app", "secret"), discord.endpoints()),
                DiscordPublisher.Options.defaults(), clock, clock::advance);
    }

    @Override
    protected int postsOnPlatform() {
        return discord.messages().size();
    }

    @Override
    protected AccessToken accessToken() {
        return new AccessToken(DiscordStandIn.URL);
    }

    @Override
    protected AccessToken rejectedToken() {
        return new AccessToken("https://discord.com/api/webhooks/" + DiscordStandIn.ID + "/not-the-token");
    }

    @Override
    protected boolean reportsResumeTokens() {
        return false;
    }

    @AfterEach
    void stop() {
        discord.close();
    }
}
