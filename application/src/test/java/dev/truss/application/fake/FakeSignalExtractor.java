package dev.truss.application.fake;

import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.SignalExtractor;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.EngagementTimeline;
import dev.truss.domain.virality.SceneCut;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Measures the signals a {@linkplain InMemoryMedia fake video} declares, deterministically.
 * Each second [i s, (i+1) s) gets {@link #LOUD_DB} when it lies in a {@code loud} span,
 * {@link #SILENT_DB} when it lies wholly inside a silence (silence wins over loud), else
 * {@link #QUIET_DB}; a file without audio reads {@link #NO_AUDIO_DB} throughout and is one
 * silence from start to end. Motion is {@link #MOVING} in {@code motion} spans, else
 * {@link #STILL}; scene cuts score {@link #CUT_SCORE}. The {@code video} argument is not
 * trusted: the durations come from the file, as a decoder's would.
 *
 * <p>Throws {@link MediaException} when the file cannot be read, is not a fake video, has no
 * video stream, or when {@link #failNext} asked it to. Progress goes from 0 to 100. Thread-safe.
 */
public final class FakeSignalExtractor implements SignalExtractor {

    public static final double LOUD_DB = -14;
    public static final double QUIET_DB = -30;
    public static final double SILENT_DB = -60;
    public static final double NO_AUDIO_DB = -70;
    public static final double MOVING = 0.8;
    public static final double STILL = 0.1;
    public static final double CUT_SCORE = 0.9;

    private final Function<URI, byte[]> reader;
    private final FailureInjection failures = new FailureInjection();

    /** Reads files with {@code reader}: an {@link InMemoryMedia}, or {@code storage::fetch} of an {@link InMemoryObjectStorage}. */
    public FakeSignalExtractor(Function<URI, byte[]> reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The next {@code count} extractions throw {@link MediaException} after reporting 0 %; later ones work. */
    public void failNext(int count) {
        failures.failNext(count);
    }

    /** Every call to {@link #extract}, failed ones included. */
    public int attempts() {
        return failures.attempts();
    }

    @Override
    public EngagementTimeline extract(URI source, VideoProperties video, IntConsumer percentDone) {
        boolean fail = failures.nextCallFails();
        percentDone.accept(0);
        if (fail) {
            throw new MediaException("ffmpeg exited with 1: decoding failed (injected by the test)");
        }
        InMemoryMedia.FakeVideo file = InMemoryMedia.decode(InMemoryMedia.read(reader, source));
        if (!file.hasVideo()) {
            throw new MediaException("the file has no video stream");
        }
        int seconds = file.seconds();
        List<Double> loudness = new ArrayList<>(seconds);
        List<Double> motion = new ArrayList<>(seconds);
        int reported = 0;
        for (int second = 0; second < seconds; second++) {
            loudness.add(!file.hasAudio() ? NO_AUDIO_DB
                    : file.silentAt(second) ? SILENT_DB
                    : file.loudAt(second) ? LOUD_DB : QUIET_DB);
            motion.add(file.movingAt(second) ? MOVING : STILL);
            int percent = (second + 1) * 100 / seconds;
            if (percent > reported) {
                percentDone.accept(percent);
                reported = percent;
            }
        }
        List<TimeRange> silences = file.hasAudio() ? file.silences()
                : List.of(new TimeRange(0, file.durationMs()));
        List<SceneCut> cuts = file.cutsMs().stream().map(at -> new SceneCut(at, CUT_SCORE)).toList();
        return new EngagementTimeline(file.durationMs(), loudness, silences, cuts, motion);
    }
}
