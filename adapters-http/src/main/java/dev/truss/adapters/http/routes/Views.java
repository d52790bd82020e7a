package dev.truss.adapters.http.routes;

import dev.truss.application.asset.GetAsset;
import dev.truss.application.common.CursorPage;
import dev.truss.application.port.ObjectStorage;
import dev.truss.domain.analytics.DailyAnalytics;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.asset.VideoProperties;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.job.Job;
import dev.truss.domain.platform.PlatformConnection;
import dev.truss.domain.platform.Publication;
import dev.truss.domain.platform.PublicationState;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import dev.truss.domain.virality.Contribution;
import dev.truss.domain.virality.ViralityScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The API's shapes of the domain: ids as strings, times as ISO-8601, durations and times on a
 * video's timeline in milliseconds (names ending in {@code Ms}), enum values in lower case. A
 * view carries only what a client may see: never object-storage keys, token hashes, tokens,
 * sealed secrets or a platform's upload handle. Absent values are {@code null}, never left out,
 * so every object has the same keys; {@code openapi.json} describes each one.
 */
final class Views {

    private Views() {
    }

    /** One page of a list: the items and the cursor of the next page, {@code null} on the last. */
    record Page<T>(List<T> items, String next) {
        static <A, T> Page<T> of(CursorPage<A> page, Function<? super A, ? extends T> view) {
            return new Page<>(page.items().stream().<T>map(view).toList(), page.nextCursor().orElse(null));
        }

        /** A list that is never long enough to need a second page. */
        static <A, T> Page<T> whole(List<A> items, Function<? super A, ? extends T> view) {
            return new Page<>(items.stream().<T>map(view).toList(), null);
        }
    }

    record Profile(String id, String email, String displayName, Instant createdAt, long version) {
        static Profile of(Creator creator) {
            return new Profile(creator.id().ulid().value(), creator.email().value(), creator.displayName(),
                    creator.createdAt(), creator.version());
        }
    }

    /** What probing found in an upload. */
    record Video(long durationMs, String container, String videoCodec, int width, int height, int rotationDegrees,
                 int displayWidth, int displayHeight, double framesPerSecond, boolean hasAudio) {
        static Video of(VideoProperties video) {
            return new Video(video.durationMs(), video.container(), video.videoCodec(), video.width(), video.height(),
                    video.rotationDegrees(), video.displayWidth(), video.displayHeight(), video.framesPerSecond(),
                    video.hasAudio());
        }
    }

    record AssetView(String id, String title, String contentType, long sizeBytes, String state, Video video,
                     String failureReason, Instant createdAt, Instant updatedAt, long version) {
        static AssetView of(Asset asset) {
            return new AssetView(asset.id().value(), asset.title(), asset.contentType(), asset.sizeBytes(),
                    Params.name(asset.state()), asset.video().map(Video::of).orElse(null),
                    asset.failureReason().orElse(null), asset.createdAt(), asset.updatedAt(), asset.version());
        }
    }

    record ChapterView(long startMs, long endMs, String title, String summary) {
        static ChapterView of(Chapter chapter) {
            return new ChapterView(chapter.range().startMs(), chapter.range().endMs(), chapter.title(),
                    chapter.summary());
        }
    }

    /** What a model call of an analysis cost. */
    record UsageView(String model, long inputTokens, long outputTokens, int requests) {
        static UsageView of(Analysis.Usage usage) {
            return new UsageView(usage.model(), usage.inputTokens(), usage.outputTokens(), usage.requests());
        }
    }

    /** Which detector analysed the video, what it noted, what it cost, and how long the transcript is. */
    record AnalysisView(String detector, List<String> notes, UsageView usage, int transcriptSegments) {
        static AnalysisView of(Analysis analysis) {
            return new AnalysisView(analysis.detector().orElse(null), analysis.notes(),
                    analysis.usage().map(UsageView::of).orElse(null), analysis.transcriptSegments());
        }
    }

    record AssetWithChapters(AssetView asset, List<ChapterView> chapters, AnalysisView analysis) {
        static AssetWithChapters of(GetAsset.AssetWithAnalysis found) {
            return new AssetWithChapters(AssetView.of(found.asset()),
                    found.chapters().stream().map(ChapterView::of).toList(),
                    found.analysis().map(AnalysisView::of).orElse(null));
        }
    }

    record TranscriptSegmentView(long startMs, long endMs, String text) {
        static TranscriptSegmentView of(TranscriptSegment segment) {
            return new TranscriptSegmentView(segment.range().startMs(), segment.range().endMs(), segment.text());
        }
    }

    record TranscriptView(String assetId, List<TranscriptSegmentView> segments) {
        static TranscriptView of(AssetId asset, Transcript transcript) {
            return new TranscriptView(asset.value(),
                    transcript.segments().stream().map(TranscriptSegmentView::of).toList());
        }
    }

    /** Where to PUT the bytes, with which headers, until when. */
    record UploadTarget(String url, Map<String, String> headers, Instant expiresAt) {
        static UploadTarget of(ObjectStorage.PresignedUpload upload) {
            return new UploadTarget(upload.url().toString(), upload.headers(), upload.expiresAt());
        }
    }

    record UploadStarted(AssetView asset, UploadTarget upload) {
    }

    record UploadCompleted(AssetView asset, JobView job) {
    }

    record JobView(String id, String kind, String subject, String state, String stage, int percent, int attempts,
                   int maxAttempts, String lastError, List<String> notes, Instant createdAt, Instant updatedAt) {
        static JobView of(Job job) {
            return new JobView(job.id().value(), Params.name(job.kind()), job.subject(), Params.name(job.state()),
                    job.stage(), job.progress(), job.attempts(), job.maxAttempts(), job.lastError().orElse(null),
                    job.notes(), job.createdAt(), job.updatedAt());
        }
    }

    record ContributionView(String signal, double strength, double weight, int points, String reason) {
        static ContributionView of(Contribution contribution) {
            return new ContributionView(Params.name(contribution.signal()), contribution.strength(),
                    contribution.weight(), contribution.points(), contribution.reason());
        }
    }

    /** A virality score and what it is made of; the points of the contributions add up to the value. */
    record Score(int value, List<ContributionView> contributions) {
        static Score of(ViralityScore score) {
            return new Score(score.value(), score.contributions().stream().map(ContributionView::of).toList());
        }
    }

    /** Whether the clip exists as a video: {@code state} says which of the other fields apply. */
    record Render(String state, String jobId, Instant renderedAt, String failureReason, Instant failedAt) {
        static Render of(RenderState render) {
            if (render instanceof RenderState.Rendering rendering) {
                return new Render("rendering", rendering.job().value(), null, null, null);
            }
            if (render instanceof RenderState.Rendered rendered) {
                return new Render("rendered", null, rendered.at(), null, null); // the object keys stay inside
            }
            if (render instanceof RenderState.RenderFailed failed) {
                return new Render("failed", null, null, failed.reason(), failed.at());
            }
            return new Render("not_rendered", null, null, null, null);
        }
    }

    record ClipView(String id, String assetId, long startMs, long endMs, long durationMs, String title,
                    String hookLine, String caption, Score score, String layout, Render render, Instant createdAt,
                    long version) {
        static ClipView of(Clip clip) {
            return new ClipView(clip.id().value(), clip.assetId().value(), clip.range().startMs(),
                    clip.range().endMs(), clip.range().durationMs(), clip.title(), clip.hookLine(), clip.caption(),
                    Score.of(clip.score()), Params.name(clip.layout()), Render.of(clip.render()), clip.createdAt(),
                    clip.version());
        }
    }

    record Download(String url, long expiresInSeconds) {
    }

    /** One clip on one platform; the platform's upload handle is never shown. */
    record PublicationView(String clipId, String platform, String state, int attempts, String remoteId, String url,
                           Instant publishedAt, List<String> notes, String failureReason, Instant createdAt,
                           Instant updatedAt, JobView job) {
        static PublicationView of(Publication publication, JobView job) {
            PublicationState state = publication.state();
            String remoteId = null;
            String url = null;
            Instant publishedAt = null;
            String failure = null;
            List<String> notes = List.of();
            String name = "pending";
            if (state instanceof PublicationState.Uploading) {
                name = "uploading";
            } else if (state instanceof PublicationState.Published published) {
                name = "published";
                remoteId = published.remoteId();
                url = published.url();
                publishedAt = published.at();
                notes = published.notes();
            } else if (state instanceof PublicationState.Failed failed) {
                name = "failed";
                failure = failed.reason();
            }
            return new PublicationView(publication.clipId().value(), Params.name(publication.platform()), name,
                    publication.attempts(), remoteId, url, publishedAt, notes, failure, publication.createdAt(),
                    publication.updatedAt(), job);
        }
    }

    record Publications(List<PublicationView> publications) {
    }

    /** A live stream; the spike detector's state stays inside. */
    record StreamView(String id, String title, String platform, String state, Instant startedAt, Instant endedAt,
                      long messageCount, long version) {
        static StreamView of(Stream stream) {
            return new StreamView(stream.id().value(), stream.title(), Params.name(stream.platform()),
                    Params.name(stream.state()), stream.startedAt(), stream.endedAt().orElse(null),
                    stream.messageCount(), stream.version());
        }
    }

    record SpikeView(String streamId, Instant start, Instant peak, Instant end, long durationMs,
                     double peakRatePerMinute, double baselineRatePerMinute, double intensity, long messageCount) {
        static SpikeView of(ChatSpike spike) {
            return new SpikeView(spike.streamId().value(), spike.start(), spike.peak(), spike.end(),
                    spike.end().toEpochMilli() - spike.start().toEpochMilli(), spike.peakRatePerMinute(),
                    spike.baselineRatePerMinute(), spike.intensity(), spike.messageCount());
        }
    }

    /** A clip the live platform cut at a spike; {@code clipId} once the platform named it, {@code url} once made. */
    record LiveClipView(String streamId, Instant spikeStart, String platform, String state, String clipId, String url,
                        String failure, Instant updatedAt) {
        static LiveClipView of(LiveClip clip) {
            LiveClip.State state = clip.state();
            String id = state instanceof LiveClip.State.Creating creating ? creating.clipId()
                    : state instanceof LiveClip.State.Created created ? created.clipId() : null;
            String name = state instanceof LiveClip.State.Requested ? "requested"
                    : state instanceof LiveClip.State.Creating ? "creating"
                    : state instanceof LiveClip.State.Created ? "created" : "failed";
            return new LiveClipView(clip.streamId().value(), clip.spikeStart(), Params.name(clip.platform()), name, id,
                    state instanceof LiveClip.State.Created created ? created.url() : null,
                    state instanceof LiveClip.State.Failed failed ? failed.reason() : null, clip.updatedAt());
        }
    }

    record ChatIngested(StreamView stream, List<SpikeView> newSpikes) {
    }

    /** One UTC day of counters: every metric, zeros included, under its lower-case name. */
    record Day(LocalDate date, Map<String, Long> counts) {
        static Day of(DailyAnalytics day) {
            return new Day(day.date(), total(List.of(day)));
        }
    }

    record Analytics(LocalDate from, LocalDate to, Map<String, Long> totals, List<Day> days) {
        static Analytics of(LocalDate from, LocalDate to, List<DailyAnalytics> days) {
            return new Analytics(from, to, total(days), days.stream().map(Day::of).toList());
        }
    }

    record Dashboard(Profile profile, List<AssetView> recentAssets, Analytics lastDays) {
    }

    /** A connected platform account: who it is and what Truss may do there; the tokens stay inside. */
    record Connection(String platform, String accountId, String accountName, List<String> scopes,
                      Instant expiresAt, Instant connectedAt) {
        static Connection of(PlatformConnection connection) {
            PlatformConnection safe = connection.withoutTokens();
            return new Connection(Params.name(safe.platform()), safe.accountId(), safe.accountName(),
                    List.copyOf(new TreeSet<>(safe.scopes())), safe.expiresAt().orElse(null), safe.connectedAt());
        }
    }

    record Link(String url) {
    }

    /** A disconnected platform; {@code problem} says why Truss's access could not be revoked there, when it could not. */
    record Disconnection(String platform, boolean revoked, String problem) {
    }

    private static Map<String, Long> total(List<DailyAnalytics> days) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            counts.put(Params.name(metric), days.stream().mapToLong(day -> day.count(metric)).sum());
        }
        return counts;
    }
}
