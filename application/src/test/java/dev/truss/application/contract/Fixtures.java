package dev.truss.application.contract;

import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.Chapters;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.Session;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.ClipId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.JobId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.id.UlidFactory;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import dev.truss.domain.platform.Publication;
import dev.truss.domain.platform.SealedSecret;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.ChatSpikeDetector;
import dev.truss.domain.stream.ChatSpikeSettings;
import dev.truss.domain.stream.Stream;
import dev.truss.domain.time.TimeRange;
import dev.truss.domain.virality.Contribution;
import dev.truss.domain.virality.Signal;
import dev.truss.domain.virality.ViralityScore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid test data for every entity. Each call moves a shared clock one second on from
 * {@link #BASE} and makes ids from it, so whatever is built later has a later id and time
 * (whole seconds, so stores that keep milliseconds round-trip them exactly).
 */
public final class Fixtures {

    public static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    public static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    private static final UlidFactory IDS = new UlidFactory(new Random(42));
    private static final AtomicLong SECONDS = new AtomicLong();
    private static final AtomicLong SERIAL = new AtomicLong();

    private Fixtures() {
    }

    /** A moment later than every one handed out before. */
    public static Instant nextInstant() {
        return BASE.plusSeconds(SECONDS.incrementAndGet());
    }

    public static CreatorId creatorId() {
        return new CreatorId(IDS.next(nextInstant().toEpochMilli()));
    }

    public static AssetId assetId() {
        return new AssetId(IDS.next(nextInstant().toEpochMilli()));
    }

    public static ClipId clipId() {
        return new ClipId(IDS.next(nextInstant().toEpochMilli()));
    }

    public static StreamId streamId() {
        return new StreamId(IDS.next(nextInstant().toEpochMilli()));
    }

    public static JobId jobId() {
        return new JobId(IDS.next(nextInstant().toEpochMilli()));
    }

    /** An address no other fixture uses. */
    public static EmailAddress email() {
        return new EmailAddress("creator-" + SERIAL.incrementAndGet() + "@example.com");
    }

    public static Creator creator() {
        return creator(email());
    }

    public static Creator creator(EmailAddress email) {
        return new Creator(creatorId(), email, "Creator " + SERIAL.incrementAndGet(), nextInstant(), 0);
    }

    /** A video announced but not uploaded: no video properties, no failure reason. */
    public static Asset asset(CreatorId creator) {
        AssetId id = assetId();
        return Asset.awaitingUpload(id, creator, "Asset " + id, "uploads/" + creator + "/" + id + ".mp4",
                "video/mp4", 52_428_800L, nextInstant());
    }

    /** An analysed video: its probed properties are present. */
    public static Asset analysedAsset(CreatorId creator) {
        Asset asset = asset(creator);
        Instant at = asset.createdAt().plusSeconds(30);
        return asset.uploaded(video(), at).analysing(at.plusSeconds(1)).analysed(at.plusSeconds(90));
    }

    /** A failed upload: a failure reason and no video properties. */
    public static Asset failedAsset(CreatorId creator) {
        Asset asset = asset(creator);
        return asset.failed("the file is not a video", asset.createdAt().plusSeconds(5));
    }

    /** Rotated and at a fractional frame rate, so a store that drops either is caught. */
    public static VideoProperties video() {
        return new VideoProperties(600_000, "mov,mp4", "h264", 1920, 1080, 90, 29.97, true);
    }

    public static Chapters chapters(CreatorId creator, AssetId asset, int count) {
        List<Chapter> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Chapter(new TimeRange(i * 60_000L, (i + 1) * 60_000L), "Chapter " + (i + 1),
                    i % 2 == 0 ? "What happens in part " + (i + 1) : ""));
        }
        return new Chapters(creator, asset, list);
    }

    /** A score of {@code value} made of two contributions that add up to it. */
    public static ViralityScore score(int value) {
        int loudness = value / 2;
        int motion = value - loudness;
        return new ViralityScore(value, List.of(
                new Contribution(Signal.LOUDNESS_PEAKS, loudness / 100.0, 0.4, loudness, "the crowd roars"),
                new Contribution(Signal.MOTION, motion / 100.0, 0.6, motion, "fast action on screen")));
    }

    public static Clip clip(CreatorId creator, AssetId asset) {
        return clip(creator, asset, new TimeRange(12_000, 42_000), 70);
    }

    public static Clip clip(CreatorId creator, AssetId asset, TimeRange range, int score) {
        ClipId id = clipId();
        return new Clip(id, creator, asset, range, "Clip " + id, "Wait for it…", "The best part #shorts",
                score(score), Layout.BLURRED_FIT, new RenderState.NotRendered(), nextInstant(), 0);
    }

    /** One clip in each render state, so a round trip covers every variant. */
    public static List<Clip> clipsInEveryRenderState(CreatorId creator, AssetId asset) {
        Instant at = nextInstant();
        return List.of(
                clip(creator, asset),
                clip(creator, asset).renderQueued(jobId()),
                clip(creator, asset).rendered("renders/clip.mp4", "renders/clip.jpg", at),
                clip(creator, asset).renderFailed("ffmpeg exited with 1", at));
    }

    public static Stream stream(CreatorId creator) {
        return Stream.started(streamId(), creator, "Friday night stream", Platform.TWITCH,
                ChatSpikeSettings.defaults(), nextInstant());
    }

    /** The stream after {@code messages} chat messages, one a second from its start: a changed detector state. */
    public static Stream chatted(Stream stream, int messages) {
        ChatSpikeDetector detector = ChatSpikeDetector.resume(stream.chat());
        for (int i = 0; i < messages; i++) {
            detector.accept(stream.startedAt().plusSeconds(i), "gg");
        }
        return stream.withChat(detector.state());
    }

    public static Stream endedStream(CreatorId creator) {
        Stream stream = chatted(stream(creator), 1234);
        return stream.ended(stream.startedAt().plus(Duration.ofHours(3)));
    }

    public static ChatSpike spike(StreamId stream, Instant start) {
        return new ChatSpike(stream, start, start.plusSeconds(10), start.plusSeconds(30), 120.5, 12.25, 9.75, 61);
    }

    public static Job job(CreatorId creator) {
        return Job.queued(jobId(), creator, JobKind.ANALYSE_ASSET, assetId().value(), nextInstant());
    }

    /** A job whose first attempt failed: it carries an error and waits to retry. */
    public static Job retryingJob(CreatorId creator) {
        Job job = job(creator);
        Instant at = job.createdAt();
        return job.started(at.plusSeconds(1)).progressed("probing", 40, at.plusSeconds(2))
                .attemptFailed("ffprobe timed out", at.plusSeconds(3));
    }

    /** A job that succeeded with notes, as an analysis that fell back to the local detector ends. */
    public static Job notedJob(CreatorId creator) {
        Job job = job(creator);
        Instant at = job.createdAt();
        return job.started(at.plusSeconds(1)).noted("the model's output was unparseable twice; the local detector ran",
                at.plusSeconds(2)).noted("local detector: 3 chapters", at.plusSeconds(2)).succeeded(at.plusSeconds(3));
    }

    /** {@code count} segments, one every 4 s from 0, each 3.5 s long: "Line 1 …". */
    public static Transcript transcript(int count) {
        List<TranscriptSegment> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            segments.add(new TranscriptSegment(new TimeRange(i * 4_000L, i * 4_000L + 3_500), "Line " + (i + 1)
                    + (i % 3 == 0 ? ": and then — « ça marche » 😀" : ": what we say here")));
        }
        return new Transcript(segments);
    }

    /** What a model's analysis stores: {@code chapters} chapters, two notes, usage, and {@code transcript}'s length. */
    public static Analysis analysis(CreatorId creator, AssetId asset, int chapters, Transcript transcript) {
        return Analysis.of(creator, asset, "gemini-2.5-flash", chapters(creator, asset, chapters).list(),
                List.of("repaired a chapter that overlapped the next", "the transcript skips the intro music"),
                Optional.of(new Analysis.Usage("gemini-2.5-flash", 48_213, 2_977, 2)), transcript);
    }

    /** What the local detector's analysis stores: no transcript, no usage. */
    public static Analysis localAnalysis(CreatorId creator, AssetId asset) {
        return Analysis.of(creator, asset, "local", chapters(creator, asset, 2).list(),
                List.of("local detector: 2 chapters"), Optional.empty(), Transcript.EMPTY);
    }

    public static Publication publication(CreatorId creator, ClipId clip, Platform platform) {
        return Publication.pending(creator, clip, platform, nextInstant());
    }

    /** One publication in each state, each of its own clip. */
    public static List<Publication> publicationsInEveryState(CreatorId creator) {
        Instant at = nextInstant();
        Publication uploading = publication(creator, clipId(), Platform.YOUTUBE)
                .uploading("https://upload.example.com/session/1", at);
        return List.of(
                publication(creator, clipId(), Platform.TIKTOK),
                uploading,
                publication(creator, clipId(), Platform.YOUTUBE).uploading("resume", at)
                        .published("dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ",
                                List.of("posted privately: the app is not yet audited"), at.plusSeconds(60)),
                publication(creator, clipId(), Platform.DISCORD).uploading("resume", at)
                        .failed("the webhook was deleted", at.plusSeconds(5)));
    }

    public static PlatformConnection connection(CreatorId creator, Platform platform) {
        Instant at = nextInstant();
        return new PlatformConnection(creator, platform, "account-" + SERIAL.incrementAndGet(), "My channel",
                Set.of("upload", "read"), Optional.of(at.plus(Duration.ofHours(1))), at,
                Optional.of(new SealedSecret("sealed-" + SERIAL.incrementAndGet())));
    }

    /** A hash no other fixture uses. */
    public static TokenHash tokenHash() {
        return new TokenHash(String.format("%064x", SERIAL.incrementAndGet()));
    }

    public static MagicLink magicLink(Instant now) {
        return MagicLink.issue(tokenHash(), email(), now);
    }

    public static Session session(CreatorId creator, Instant now) {
        return Session.open(tokenHash(), creator, now);
    }
}
