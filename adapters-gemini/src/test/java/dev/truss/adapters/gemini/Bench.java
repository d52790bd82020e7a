package dev.truss.adapters.gemini;

import dev.truss.application.fake.FakeMediaProbe;
import dev.truss.application.fake.FakeMomentDetector;
import dev.truss.application.fake.FakeVideoParts;
import dev.truss.application.fake.FakeSignalExtractor;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.domain.asset.VideoProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a detector test needs: the stand-in, a clock that the sleeper moves instead of sleeping
 * (every wait is remembered), fake parts, the fake local detector as fallback, and fake videos with
 * their measured timelines. What the adapter logs is kept in {@link #logged} instead of printed.
 * Close it after the test.
 */
final class Bench implements AutoCloseable {

    static final String KEY = "AIzaSy-test-key-0123456789";

    final GeminiStandIn gemini = GeminiStandIn.start(KEY);
    final MutableClock clock = MutableClock.at("2026-11-27T08:00:00Z");
    final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    private final InMemoryMedia media = new InMemoryMedia();
    final FakeVideoParts parts = new FakeVideoParts(media);
    final FakeMomentDetector local = new FakeMomentDetector();
    final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final List<GeminiMomentDetector> detectors = new ArrayList<>();
    private final Logger logger = Logger.getLogger(GeminiMomentDetector.class.getPackageName());
    private final Handler keep = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    Bench() {
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(keep);
    }

    /**
     * Settings for the stand-in: 3 attempts per request backing off 1 s, 2 s (at most 8 s); uploads
     * polled every 5 s for up to 2 min; 5 s per request; 10 min in all.
     */
    GeminiSettings settings() {
        return GeminiSettings.of(KEY)
                .withBaseUrl(gemini.baseUrl())
                .withRetries(new GeminiSettings.Retries(3, Duration.ofSeconds(1), Duration.ofSeconds(8)))
                .withFileActiveWait(Duration.ofMinutes(2), Duration.ofSeconds(5))
                .withRequestTimeout(Duration.ofSeconds(5))
                .withOverallDeadline(Duration.ofMinutes(10));
    }

    GeminiMomentDetector detector() {
        return detector(settings -> settings);
    }

    GeminiMomentDetector detector(UnaryOperator<GeminiSettings> tweak) {
        GeminiMomentDetector detector = new GeminiMomentDetector(tweak.apply(settings()), parts, local, clock,
                duration -> {
                    slept.add(duration);
                    clock.advance(duration);
                });
        detectors.add(detector);
        return detector;
    }

    /** A lively 2-minute video: loud and moving stretches, scene cuts, a silence. */
    MomentDetector.Request lively() {
        return request(InMemoryMedia.video(120_000).loud(12, 18).loud(70, 75).cuts(10_000, 30_000)
                .silence(20_000, 21_000).motion(40, 50));
    }

    MomentDetector.Request request(InMemoryMedia.Builder video) {
        URI source = media.add(video.bytes());
        VideoProperties properties = ((MediaProbe.Playable) new FakeMediaProbe(media).probe(source)).video();
        return new MomentDetector.Request(source, properties,
                new FakeSignalExtractor(media).extract(source, properties, p -> { }));
    }

    @Override
    public void close() {
        detectors.forEach(GeminiMomentDetector::close);
        gemini.close();
        logger.removeHandler(keep);
        logger.setUseParentHandlers(true);
        logger.setLevel(null);
    }
}
