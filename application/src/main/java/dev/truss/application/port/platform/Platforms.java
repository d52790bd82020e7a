package dev.truss.application.port.platform;

import java.util.List;

/**
 * The platform adapters a server has, each optional per platform: how accounts connect (OAuth
 * authorizers, webhook connectors), how clips are posted (publishers), and how live broadcasts are
 * clipped (live clippers). A platform with none of them is simply not offered.
 */
public record Platforms(List<PlatformAuthorizer> authorizers, List<Publisher> publishers,
                        List<WebhookConnector> webhooks, List<LiveClipper> liveClippers) {

    /** No platform configured: connecting and publishing are refused with a clear message. */
    public static final Platforms NONE = new Platforms(List.of(), List.of(), List.of(), List.of());

    public Platforms {
        authorizers = List.copyOf(authorizers);
        publishers = List.copyOf(publishers);
        webhooks = List.copyOf(webhooks);
        liveClippers = List.copyOf(liveClippers);
    }
}
