package dev.truss.bootstrap.serve;

import dev.truss.adapters.platforms.OAuthClient;
import dev.truss.adapters.platforms.PlatformEndpoints;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.discord.DiscordAuthorizer;
import dev.truss.adapters.platforms.discord.DiscordPublisher;
import dev.truss.adapters.platforms.discord.DiscordWebhookConnector;
import dev.truss.adapters.platforms.tiktok.TikTokAuthorizer;
import dev.truss.adapters.platforms.tiktok.TikTokPublisher;
import dev.truss.adapters.platforms.twitch.TwitchAuthorizer;
import dev.truss.adapters.platforms.twitch.TwitchLiveClipper;
import dev.truss.adapters.platforms.youtube.GoogleAuthorizer;
import dev.truss.adapters.platforms.youtube.YouTubePublisher;
import dev.truss.adapters.platforms.youtube.YouTubeSettings;
import dev.truss.application.port.platform.LiveClipper;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.platform.Publisher;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The platform adapters {@code truss serve} offers, from the apps configured: a platform's OAuth
 * and posting when its app is set, and Discord channels by pasted webhook always (a webhook needs
 * no app of ours). Twitch takes no uploads: with its app, chat spikes of Twitch streams become
 * Twitch clips.
 */
final class PlatformAdapters {

    private PlatformAdapters() {
    }

    static Platforms from(ServeSettings.Publishing publishing, Clock clock) {
        List<PlatformAuthorizer> authorizers = new ArrayList<>();
        List<Publisher> publishers = new ArrayList<>();
        List<LiveClipper> liveClippers = new ArrayList<>();
        Optional<PlatformSettings> youtube = settings(publishing, Platform.YOUTUBE, PlatformEndpoints.youtube());
        youtube.ifPresent(settings -> {
            authorizers.add(new GoogleAuthorizer(settings, clock));
            publishers.add(new YouTubePublisher(YouTubeSettings.of(settings)
                    .withQuotaUnitsPerUpload(publishing.youtubeQuotaUnitsPerUpload())));
        });
        settings(publishing, Platform.TIKTOK, PlatformEndpoints.tiktok()).ifPresent(settings -> {
            authorizers.add(new TikTokAuthorizer(settings, clock));
            publishers.add(new TikTokPublisher(settings));
        });
        settings(publishing, Platform.TWITCH, PlatformEndpoints.twitch()).ifPresent(settings -> {
            authorizers.add(new TwitchAuthorizer(settings, clock));
            liveClippers.add(new TwitchLiveClipper(settings));
        });
        PlatformEndpoints discord = where(publishing, PlatformEndpoints.discord());
        settings(publishing, Platform.DISCORD, discord).ifPresent(settings ->
                authorizers.add(new DiscordAuthorizer(settings, clock)));
        PlatformSettings webhooks = PlatformSettings.withoutApp(discord);
        publishers.add(new DiscordPublisher(webhooks));
        return new Platforms(authorizers, publishers, List.of(new DiscordWebhookConnector(webhooks)), liveClippers);
    }

    /** One line for the console: what creators can connect. */
    static String describe(Platforms platforms) {
        String oauth = platforms.authorizers().stream().map(a -> a.platform().slug())
                .collect(Collectors.joining(", "));
        return (oauth.isEmpty() ? "no platform app configured (set TRUSS_<PLATFORM>_CLIENT_ID and _SECRET)"
                : oauth + " by OAuth") + "; Discord channels by webhook";
    }

    private static Optional<PlatformSettings> settings(ServeSettings.Publishing publishing, Platform platform,
                                                       PlatformEndpoints endpoints) {
        return Optional.ofNullable(publishing.apps().get(platform)).map(app -> PlatformSettings.of(
                new OAuthClient(app.clientId(), app.clientSecret()), where(publishing, endpoints)));
    }

    private static PlatformEndpoints where(ServeSettings.Publishing publishing, PlatformEndpoints endpoints) {
        return publishing.endpoint().map((URI base) -> endpoints.on(base)).orElse(endpoints);
    }
}
