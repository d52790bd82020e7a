package dev.truss.adapters.platforms.tiktok;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.Sleeper;
import dev.truss.application.port.platform.AccessToken;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Publisher;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts clips to TikTok with the Content Posting API's direct post and {@code FILE_UPLOAD}: asks what
 * the creator may post, starts the post, sends the file in chunks to the upload URL, and polls the
 * status until TikTok has published it. The {@code publish_id} is the resume token, reported before
 * the first chunk. Given it again, the publisher confirms a finished post, keeps waiting on one
 * TikTok is processing, and starts a new post only when the old one can never finish: it failed, or
 * its upload broke off. TikTok cannot continue a broken-off upload without its upload URL, which is
 * valid for an hour and, carrying the upload's credentials, is never stored, logged or quoted.
 */
public final class TikTokPublisher implements Publisher {

    /**
     * How the file is cut and how long to wait for TikTok. {@code chunkBytes} is the preferred chunk
     * size, bounded by TikTok's rules (5–64 MB); status polls start {@code firstPoll} apart, double up
     * to {@code maxPoll}, and stop after {@code pollFor}, when the publish id is left to a retry.
     */
    public record Tuning(long chunkBytes, Duration firstPoll, Duration maxPoll, Duration pollFor) {
        public Tuning {
            if (chunkBytes < ChunkPlan.MIN_CHUNK || chunkBytes > ChunkPlan.MAX_CHUNK) {
                throw new IllegalArgumentException("TikTok takes chunks of " + ChunkPlan.MIN_CHUNK + " to "
                        + ChunkPlan.MAX_CHUNK + " bytes, got " + chunkBytes);
            }
            for (Duration d : List.of(firstPoll, maxPoll, pollFor)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("poll durations are positive, got " + d);
                }
            }
            if (maxPoll.compareTo(firstPoll) < 0) {
                throw new IllegalArgumentException("the longest poll interval is at least the first");
            }
        }

        /** 10 MB chunks; polls from 3 s to 15 s (within TikTok's 30 a minute) for 3 minutes. */
        public static Tuning defaults() {
            return new Tuning(ChunkPlan.DEFAULT_CHUNK, Duration.ofSeconds(3), Duration.ofSeconds(15),
                    Duration.ofMinutes(3));
        }
    }

    static final int MAX_CAPTION = 2200; // UTF-16 code units, as TikTok counts
    static final String PUBLIC = "PUBLIC_TO_EVERYONE";
    static final String SELF_ONLY = "SELF_ONLY";
    /** The widest audience first: a private account offers followers instead of everyone. */
    static final List<String> PRIVACY_PREFERENCE =
            List.of(PUBLIC, "FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", SELF_ONLY);
    static final String UNAUDITED_NOTE = "Posted privately (only you can see it): TikTok lets apps it has not"
            + " audited yet post only privately, and Truss's app is not audited yet. You can make the video"
            + " public in the TikTok app.";
    /** Fail reasons about the file or the text: posting the same clip again fails the same way. */
    private static final Set<String> FINAL_FAIL_REASONS = Set.of("file_format_check_failed", "duration_check_failed",
            "frame_rate_check_failed", "picture_size_check_failed", "spam_risk_text", "spam_risk",
            "spam_risk_user_banned_from_posting");

    private final TikTokApi api;
    private final TikTokUpload upload;
    private final Tuning tuning;
    private final Clock clock;
    private final Sleeper sleeper;

    public TikTokPublisher(PlatformSettings settings) {
        this(settings, Tuning.defaults(), Clock.systemUTC(), Sleeper.REAL);
    }

    public TikTokPublisher(PlatformSettings settings, Tuning tuning, Clock clock, Sleeper sleeper) {
        PlatformHttp http = new PlatformHttp(Platform.TIKTOK, settings);
        this.api = new TikTokApi(http);
        this.upload = new TikTokUpload(http);
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    @Override
    public Posted publish(Request request, Consumer<String> onResumeToken) {
        long size = sizeOf(request.video());
        CreatorInfo creator = api.creatorInfo(request.token());
        String privacy = privacyFor(creator);
        if (request.resumeToken().isPresent()) {
            Optional<Posted> resumed = resume(request.token(), request.resumeToken().get(), size, creator, privacy);
            if (resumed.isPresent()) {
                return resumed.get();
            }
        }
        checkDuration(request.clip(), creator);
        ChunkPlan plan = ChunkPlan.of(size, tuning.chunkBytes());
        TikTokApi.Init init = api.init(request.token(), initBody(request, creator, privacy, plan));
        onResumeToken.accept(init.publishId()); // stored before a byte flows; if storing fails, nothing is sent
        upload.send(init.uploadUrl(), request.video(), plan);
        return awaitPublished(request.token(), init.publishId(), creator, privacy);
    }

    /** The post a resume token names, if it is or will be on TikTok; empty when it never will. */
    private Optional<Posted> resume(AccessToken token, String publishId, long size, CreatorInfo creator,
                                    String privacy) {
        PostStatus status = api.status(token, publishId);
        if (status.is(PostStatus.COMPLETE)) {
            return Optional.of(posted(publishId, status, creator, privacy));
        }
        if (status.is(PostStatus.FAILED)) {
            if (FINAL_FAIL_REASONS.contains(status.failReason())) {
                throw failed(status);
            }
            return Optional.empty(); // e.g. the upload URL expired or TikTok failed: a new post may work
        }
        boolean brokenOff = status.is(PostStatus.PROCESSING_UPLOAD) && status.uploadedBytes().isPresent()
                && status.uploadedBytes().getAsLong() < size;
        if (brokenOff) {
            return Optional.empty(); // only its lost upload URL could finish it, so it never will
        }
        return Optional.of(awaitPublished(token, publishId, creator, privacy));
    }

    private Posted awaitPublished(AccessToken token, String publishId, CreatorInfo creator, String privacy) {
        Instant deadline = clock.instant().plus(tuning.pollFor());
        Duration wait = tuning.firstPoll();
        while (true) {
            PostStatus status = api.status(token, publishId);
            if (status.is(PostStatus.COMPLETE)) {
                return posted(publishId, status, creator, privacy);
            }
            if (status.is(PostStatus.FAILED)) {
                throw failed(status);
            }
            if (clock.instant().plus(wait).isAfter(deadline)) {
                throw new PlatformException("TikTok is still processing the clip (" + status.status() + ") after "
                        + tuning.pollFor().toSeconds() + " s; publishing again with its publish id waits on",
                        Failure.TEMPORARY, Optional.of(tuning.maxPoll()), null);
            }
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(tuning.maxPoll()) > 0 ? tuning.maxPoll() : wait.multipliedBy(2);
        }
    }

    private static PlatformException failed(PostStatus status) {
        String reason = status.failReason().isBlank() ? "no reason given" : status.failReason();
        if (reason.equals("internal")) {
            return new PlatformException("TikTok failed to publish the clip on its side (internal)",
                    Failure.TEMPORARY, Optional.empty(), null);
        }
        return PlatformException.refused("TikTok could not publish the clip: " + reason);
    }

    private static Posted posted(String publishId, PostStatus status, CreatorInfo creator, String privacy) {
        List<String> notes = new ArrayList<>(notesFor(privacy));
        if (!status.postIds().isEmpty()) {
            String id = status.postIds().get(0);
            return new Posted(id, profileUrl(creator) + "/video/" + id, notes, 0);
        }
        // TikTok gives no video id for a private post, nor for a public one still in moderation.
        notes.add(SELF_ONLY.equals(privacy)
                ? "TikTok gives apps no link to a private video: the link opens your profile, where it is."
                : "TikTok has not given out the video's id yet (it may still be in review): the link opens your"
                        + " profile.");
        return new Posted(publishId, profileUrl(creator), notes, 0);
    }

    private static String profileUrl(CreatorInfo creator) {
        return creator.username().isBlank() ? "https://www.tiktok.com"
                : "https://www.tiktok.com/@" + PlatformHttp.encode(creator.username());
    }

    static String privacyFor(CreatorInfo creator) {
        return PRIVACY_PREFERENCE.stream().filter(creator.privacyOptions()::contains).findFirst()
                .orElseThrow(() -> PlatformException.refused("TikTok offers this account no privacy level Truss"
                        + " knows (" + creator.privacyOptions() + ")"));
    }

    private static List<String> notesFor(String privacy) {
        switch (privacy) {
            case "FOLLOWER_OF_CREATOR":
                return List.of("Posted for your followers only, as your TikTok account is private.");
            case "MUTUAL_FOLLOW_FRIENDS":
                return List.of("Posted for your friends only: TikTok offered no wider audience for this account.");
            case SELF_ONLY:
                return List.of(UNAUDITED_NOTE);
            default:
                return List.of();
        }
    }

    private static void checkDuration(Clip clip, CreatorInfo creator) {
        long maxMs = creator.maxVideoPostDurationSec() * 1000L;
        if (maxMs > 0 && clip.range().durationMs() > maxMs) {
            throw PlatformException.refused("the clip is " + Math.round(clip.range().durationMs() / 1000.0)
                    + " s long but TikTok lets this account post videos of at most "
                    + creator.maxVideoPostDurationSec() + " s: shorten the clip");
        }
    }

    private static ObjectNode initBody(Request request, CreatorInfo creator, String privacy, ChunkPlan plan) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode();
        ObjectNode post = body.putObject("post_info");
        post.put("title", caption(request.title(), request.description()));
        post.put("privacy_level", privacy);
        // What the creator turned off stays off; the rest stays on, as on TikTok.
        post.put("disable_comment", creator.commentDisabled());
        post.put("disable_duet", creator.duetDisabled());
        post.put("disable_stitch", creator.stitchDisabled());
        post.put("brand_content_toggle", false);
        post.put("brand_organic_toggle", false);
        ObjectNode source = body.putObject("source_info");
        source.put("source", "FILE_UPLOAD");
        source.put("video_size", plan.videoSize());
        source.put("chunk_size", plan.chunkSize());
        source.put("total_chunk_count", plan.totalChunkCount());
        return body;
    }

    /** TikTok's title is the caption: the title, then the description, cut to TikTok's limit. */
    static String caption(String title, String description) {
        String head = title == null ? "" : title.strip();
        String tail = description == null ? "" : description.strip();
        String text = tail.isEmpty() ? head : head.isEmpty() || tail.startsWith(head) ? tail : head + "\n\n" + tail;
        if (text.length() <= MAX_CAPTION) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CAPTION - 1)) ? MAX_CAPTION - 1 : MAX_CAPTION;
        return text.substring(0, end);
    }

    private static long sizeOf(Path video) {
        try {
            return Files.size(video);
        } catch (IOException e) {
            throw new PlatformException("cannot read the video " + video + ": " + e.getClass().getSimpleName(),
                    Failure.REFUSED, Optional.empty(), e);
        }
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.temporary("interrupted while waiting for TikTok to publish", e);
        }
    }
}
