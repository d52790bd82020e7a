package dev.truss.application.port.platform;

import dev.truss.domain.platform.Platform;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform adapters a server has, each optional per platform: how accounts connect (OAuth
 * authorizers, webhook connectors), how clips are posted (publishers), and how live broadcasts are
 * clipped (live clippers). A platform with none of them is simply not offered.
 */
public record Platforms(List<PlatformAuthorizer> authorizers, List<Publisher> publishers,
                        List<WebhookConnector> webhooks, List<LiveClipper> liveClippers) {

    /** No platform configured: connecting and publishing are refused with a clear message. */
    public static final Platforms NONE = new Platforms(List.of(), List.of(), List.of(), List.of());

    /** The adapters keyed by the platform each serves: at most one per platform, as a server has. */
    public static <T> Map<Platform, T> byPlatform(List<T> adapters, Function<T, Platform> platformOf) {
        return adapters.stream().collect(Collectors.toUnmodifiableMap(platformOf, Function.identity()));
    }

    public Platforms {
        authorizers = List.copyOf(authorizers);
        publishers = List.copyOf(publishers);
        webhooks = List.copyOf(webhooks);
        liveClippers = List.copyOf(liveClippers);
    }
}
