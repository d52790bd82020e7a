package dev.truss.application.fake;

import dev.truss.application.TrussCore;
import dev.truss.application.detect.ChoosingDetector;
import dev.truss.application.port.AesGcmSecretSealer;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.UlidIdSource;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole of Truss on in-memory fakes: every port faked, every use case real. For scenario
 * tests, and for embedders who want to try the core before they pick adapters. Time stands
 * still until a test moves {@link #clock}. The local detector is {@link #detector}; an AI one
 * ({@link #ai}) is configured only in {@link #withAi()}.
 */
public final class InMemoryTruss {

    public final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    public final InMemoryCreatorStore creators = new InMemoryCreatorStore();
    public final InMemoryAssetStore assets = new InMemoryAssetStore();
    public final InMemoryClipStore clips = new InMemoryClipStore();
    public final InMemoryStreamStore streams = new InMemoryStreamStore();
    public final InMemoryAnalyticsStore analytics = new InMemoryAnalyticsStore();
    public final InMemoryPlatformConnectionStore connections = new InMemoryPlatformConnectionStore();
    public final InMemoryPublicationStore publications = new InMemoryPublicationStore();
    public final InMemoryMagicLinkStore magicLinks = new InMemoryMagicLinkStore();
    public final InMemorySessionStore sessions = new InMemorySessionStore();
    public final InMemoryJobStore jobs = new InMemoryJobStore();
    public final InMemoryObjectStorage objects = new InMemoryObjectStorage(clock);
    public final FakeMediaProbe probe = new FakeMediaProbe(objects::fetch);
    public final FakeSignalExtractor signals = new FakeSignalExtractor(objects::fetch);
    public final FakeMomentDetector detector = new FakeMomentDetector();
    /** The AI detector, configured only in {@link #withAi()}. */
    public final FakeAiDetector ai = new FakeAiDetector();
    public final FakeClipRenderer renderer = new FakeClipRenderer(objects::fetch);
    public final RecordingMailer mailer = new RecordingMailer();
    public final InMemoryJobQueue queue = new InMemoryJobQueue(clock);
    public final Map<Platform, InMemoryPublisher> publishers = new EnumMap<>(Platform.class);
    /** Twitch, which clips live broadcasts when their chat spikes. */
    public final InMemoryLiveClipper twitch = new InMemoryLiveClipper(Platform.TWITCH);
    /** Discord channels' webhooks, which a creator may paste instead of connecting by OAuth. */
    public final InMemoryWebhookConnector webhooks = new InMemoryWebhookConnector(Platform.DISCORD);
    public final Map<Platform, InMemoryPlatformAuthorizer> authorizers = new EnumMap<>(Platform.class);
    public final TrussCore core;

    /** Without an AI detector: every analysis runs the local one. */
    public InMemoryTruss() {
        this(false);
    }

    /** With {@link #ai} configured: analyses run it unless a creator asks for the local detector. */
    public static InMemoryTruss withAi() {
        return new InMemoryTruss(true);
    }

    private InMemoryTruss(boolean withAi) {
        for (Platform platform : Platform.values()) {
            if (platform != Platform.TWITCH) { // Twitch takes no uploads: it clips live streams (see twitch)
                publishers.put(platform, new InMemoryPublisher(platform));
            }
            authorizers.put(platform, new InMemoryPlatformAuthorizer(platform, clock));
        }
        core = new TrussCore(
                new TrussCore.Stores(creators, assets, clips, streams, analytics, connections, publications,
                        magicLinks, sessions, jobs),
                new TrussCore.Services(objects, probe, signals,
                        new ChoosingDetector(detector, withAi ? Optional.<MomentDetector>of(ai) : Optional.empty()), renderer,
                        new Platforms(List.copyOf(authorizers.values()), List.copyOf(publishers.values()),
                                List.of(webhooks), List.of(twitch)), mailer, queue),
                TrussCore.Settings.defaults(URI.create("https://truss.example/login/verify"),
                        "in-memory cursor key, 32 bytes or more".getBytes(StandardCharsets.UTF_8)),
                new AesGcmSecretSealer(new byte[32]), new UlidIdSource(clock), clock);
    }

    /** Runs queued jobs until none is left, letting time pass for retries; how many runs it took. */
    public int runJobs() throws InterruptedException {
        int runs = 0;
        for (int idle = 0; idle < 2 && runs < 1000; ) {
            if (core.runJobs().runNext(Duration.ofMillis(10)).isPresent()) {
                runs++;
                idle = 0;
            } else {
                clock.advance(Duration.ofMinutes(5));
                idle++;
            }
        }
        return runs;
    }

    /** The token of the last magic link mailed to {@code email}. */
    public Optional<String> lastLoginToken(String email) {
        return mailer.sent().stream()
                .filter(mail -> mail.to().value().equals(email))
                .reduce((first, second) -> second)
                .map(mail -> mail.text().replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1"));
    }
}
