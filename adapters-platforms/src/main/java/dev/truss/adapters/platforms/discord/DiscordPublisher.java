package dev.truss.adapters.platforms.discord;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.adapters.platforms.PlatformHttp.Response;
import dev.truss.adapters.platforms.PlatformSettings;
import dev.truss.adapters.platforms.Sleeper;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.PlatformException.Failure;
import dev.truss.application.port.platform.Publisher;
import dev.truss.domain.platform.Platform;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Posts a clip to a Discord channel through the webhook the creator connected: the access token is
 * the webhook's URL. One Execute Webhook request ({@code POST /webhooks/{id}/{token}?wait=true},
 * {@code multipart/form-data} with {@code payload_json} and the video as {@code files[0]}) makes the
 * message; {@code wait=true} makes Discord answer with it. Mentions are switched off
 * ({@code allowed_mentions.parse = []}) so a caption cannot ping {@code @everyone}.
 *
 * <p>A video over Discord's upload limit (known from its size, or answered with 413) is posted as a
 * link to {@code downloadUrl} instead, with a note. A 429 waits the {@code retry_after} Discord asks
 * for and tries again a few times; an empty rate-limit bucket is waited out before the request.
 *
 * <p><b>Not exactly-once.</b> A webhook posts in a single request and has no idempotency key
 * (Discord's {@code enforce_nonce} works for bots' Create Message, not for webhooks), so there is no
 * resume token: if the answer is lost after Discord made the message (a timeout, a 5xx from a
 * proxy), posting again duplicates it. This publisher never retries a post by itself except after a
 * 429 or 413, when Discord said it made nothing.
 */
public final class DiscordPublisher implements Publisher {

    /**
     * {@code maxFileBytes}: the largest video sent as a file (Discord's default upload limit is
     * 10 MiB; a boosted server allows more, and a 413 still falls back to a link).
     * {@code rateLimitRetries}: how many 429s to wait out before giving up as temporary.
     * {@code longestWait}: a longer wait than this is left to the caller's retry instead.
     */
    public record Options(long maxFileBytes, int rateLimitRetries, Duration longestWait) {

        public static final long DISCORD_UPLOAD_LIMIT = 10L * 1024 * 1024;

        public Options {
            Objects.requireNonNull(longestWait, "longest wait");
            if (maxFileBytes < 0 || rateLimitRetries < 0 || longestWait.isNegative()) {
                throw new IllegalArgumentException("Discord limits are never negative");
            }
        }

        public static Options defaults() {
            return new Options(DISCORD_UPLOAD_LIMIT, 3, Duration.ofSeconds(30));
        }
    }

    static final int MAX_CONTENT = 2000;
    static final String LINK_NOTE = "posted as a link: the file is over Discord's limit";

    private final PlatformHttp http;
    private final URI api;
    private final Options options;
    private final Sleeper sleeper;
    private final DiscordRateLimits limits;
    private final Map<String, String> guilds = new ConcurrentHashMap<>(); // webhook id → its server's id

    public DiscordPublisher(PlatformSettings settings) {
        this(settings, Options.defaults(), Clock.systemUTC(), Sleeper.REAL);
    }

    public DiscordPublisher(PlatformSettings settings, Options options, Clock clock, Sleeper sleeper) {
        this.http = new PlatformHttp(Platform.DISCORD, settings);
        this.api = settings.endpoints().api();
        this.options = Objects.requireNonNull(options, "options");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.limits = new DiscordRateLimits(clock);
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public Posted publish(Request request, Consumer<String> onResumeToken) {
        DiscordWebhookAddress webhook = DiscordWebhookAddress.stored(request.token().value(), api);
        List<String> notes = new ArrayList<>();
        Response answer = null;
        if (sizeOf(request.video()) <= options.maxFileBytes()) {
            answer = execute(webhook, () -> withVideo(request));
        }
        if (answer == null || answer.status() == 413) {
            notes.add(LINK_NOTE);
            answer = execute(webhook, () -> asLink(request));
        }
        if (answer.status() == 404) {
            throw PlatformException.refused("the Discord webhook was deleted; connect Discord again");
        }
        if (!answer.ok()) {
            throw http.failure(answer, "post the clip");
        }
        JsonNode message = answer.json();
        String id = message.path("id").asString("");
        if (id.isBlank()) {
            // Discord made the message but did not say which: posting again would duplicate it.
            throw PlatformException.refused("Discord took the post but did not answer with the message");
        }
        return new Posted(id, whereIs(webhook, message, request), notes, 0);
    }

    /** A body to send, built afresh for each attempt. */
    private record Body(String contentType, HttpRequest.BodyPublisher publisher) {
    }

    private interface BodySource {
        Body body() throws FileNotFoundException;
    }

    private Response execute(DiscordWebhookAddress webhook, BodySource source) {
        for (int attempt = 0; ; attempt++) {
            Duration bucketEmpty = limits.waitBefore(webhook.id());
            if (!bucketEmpty.isZero()) {
                pause(bucketEmpty, false);
            }
            Body body;
            try {
                body = source.body();
            } catch (FileNotFoundException gone) {
                throw new PlatformException("the video to post is gone", Failure.REFUSED, Optional.empty(), gone);
            }
            HttpRequest post = http.request(webhook.executeUrl(api)).header("Content-Type", body.contentType())
                    .POST(body.publisher()).build();
            Response answer = http.send(post, "post the clip");
            limits.remember(webhook.id(), answer);
            if (answer.status() != 429) {
                return answer;
            }
            Duration wait = DiscordRateLimits.retryAfter(answer);
            if (attempt >= options.rateLimitRetries()) {
                throw rateLimited(wait, DiscordRateLimits.global(answer));
            }
            pause(wait, DiscordRateLimits.global(answer));
        }
    }

    private void pause(Duration wait, boolean global) {
        if (wait.compareTo(options.longestWait()) > 0) {
            throw rateLimited(wait, global);
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.temporary("interrupted while waiting out Discord's rate limit", e);
        }
    }

    private static PlatformException rateLimited(Duration wait, boolean global) {
        return new PlatformException("Discord is rate-limiting " + (global ? "this app" : "this webhook")
                + "; try again in " + wait.toMillis() + " ms", Failure.TEMPORARY, Optional.of(wait), null);
    }

    private Body withVideo(Request request) throws FileNotFoundException {
        Multipart form = new Multipart()
                .field("payload_json", "application/json", payload(content(request, Optional.empty())))
                .file("files[0]", request.clip().id() + ".mp4", "video/mp4", request.video());
        return new Body(form.contentType(), form.body());
    }

    private Body asLink(Request request) {
        return new Body("application/json",
                HttpRequest.BodyPublishers.ofString(payload(content(request, Optional.of(request.downloadUrl())))));
    }

    private static String payload(String content) {
        return PlatformHttp.JSON.writeValueAsString(Map.of("content", content,
                "allowed_mentions", Map.of("parse", List.of())));
    }

    /** Title and caption, and the link when there is one, within Discord's 2000 characters; the link is never cut. */
    static String content(Request request, Optional<URI> link) {
        List<String> lines = new ArrayList<>();
        for (String text : new String[] {request.title(), request.description()}) {
            if (text != null && !text.isBlank()) {
                lines.add(text.strip());
            }
        }
        String text = String.join("\n\n", lines);
        String suffix = link.map(url -> (text.isEmpty() ? "" : "\n") + url).orElse("");
        int room = Math.max(0, MAX_CONTENT - suffix.length()); // UTF-16 units: never more than Discord counts
        return cut(text, room) + suffix;
    }

    private static String cut(String text, int room) {
        if (text.length() <= room) {
            return text;
        }
        if (room == 0) {
            return "";
        }
        int end = room - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * A link to the message. Discord's answer has its channel but, over REST, not its server; the
     * webhook itself names the server, so it is asked once per webhook. Without it, the attachment.
     */
    private String whereIs(DiscordWebhookAddress webhook, JsonNode message, Request request) {
        String channel = message.path("channel_id").asString("");
        String guild = message.path("guild_id").asString("");
        if (guild.isEmpty()) {
            guild = guildOf(webhook);
        }
        if (!guild.isEmpty() && !channel.isEmpty()) {
            return "https://discord.com/channels/" + guild + "/" + channel + "/" + message.path("id").asString();
        }
        JsonNode attachment = message.at("/attachments/0/url");
        return attachment.isString() ? attachment.asString() : request.downloadUrl().toString();
    }

    private String guildOf(DiscordWebhookAddress webhook) {
        String known = guilds.get(webhook.id());
        if (known != null) {
            return known;
        }
        try {
            Response answer = http.send(http.request(webhook.versionedUrl(api)).GET().build(), "look up the webhook");
            String guild = answer.ok() ? answer.json().path("guild_id").asString("") : "";
            if (!guild.isEmpty()) {
                guilds.put(webhook.id(), guild);
            }
            return guild;
        } catch (PlatformException unreachable) {
            return ""; // the clip is posted; only the link to it is poorer
        }
    }

    private static long sizeOf(Path video) {
        try {
            return Files.size(video);
        } catch (IOException e) {
            throw new PlatformException("cannot read the video to post: " + e.getClass().getSimpleName(),
                    Failure.REFUSED, Optional.empty(), e);
        }
    }
}
