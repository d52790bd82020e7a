package dev.truss.bootstrap.serve;

import static dev.truss.bootstrap.serve.Browser.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truss.adapters.media.Ffmpeg;
import dev.truss.adapters.media.FfmpegRun;
import dev.truss.adapters.media.SampleVideo;
import dev.truss.adapters.platforms.StandInServer;
import dev.truss.adapters.platforms.discord.DiscordStandIn;
import dev.truss.adapters.platforms.oauth.OAuthStandIn;
import dev.truss.adapters.platforms.tiktok.TikTokStandIn;
import dev.truss.adapters.platforms.twitch.TwitchStandIn;
import dev.truss.adapters.platforms.youtube.YouTubeStandIn;
import dev.truss.adapters.sqlite.SqliteSettings;
import dev.truss.domain.platform.Platform;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code truss serve} with YouTube, TikTok and Twitch apps, its platforms moved onto one stand-in
 * base (as {@code --platforms-endpoint} does) where Google's, TikTok's and Twitch's OAuth servers,
 * YouTube's resumable uploads, TikTok's direct posts, Twitch's Helix clips and a Discord webhook
 * speak their protocols: a creator connects YouTube and TikTok through their consent pages,
 * publishes a rendered clip to each and to a pasted Discord webhook, then disconnects YouTube;
 * another connects Twitch, streams there, and the burst of her chat becomes a Twitch clip of the
 * broadcast. Every secret the platforms handed out stays sealed in the database and out of the console.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeWithPlatformsTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final long QUOTA_UNITS = 100;
    private static final String GOOGLE_TOKEN = "/token";
    private static final String TIKTOK_TOKEN = "/v2/oauth/token/";
    private static final String CREATE_CLIP = "/helix/clips";

    @TempDir
    static Path dir;

    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream PROCESS_OUTPUT = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static PrintStream originalErr;

    private static StandInServer platforms;
    private static OAuthStandIn google;
    private static YouTubeStandIn youtube;
    private static OAuthStandIn tiktokLogin;
    private static TikTokStandIn tiktok;
    private static DiscordStandIn discord;
    private static OAuthStandIn twitchLogin;
    private static TwitchStandIn twitch;
    private static TrussServer server;
    private static Path video;

    @BeforeAll
    static void start() {
        // Whatever the process prints while Truss runs (library logs, workers' complaints) is kept too.
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, PROCESS_OUTPUT), true));
        System.setErr(new PrintStream(new Tee(originalErr, PROCESS_OUTPUT), true));

        platforms = new StandInServer();
        ServeSettings.Publishing.App app = new ServeSettings.Publishing.App(OAuthStandIn.CLIENT_ID,
                OAuthStandIn.CLIENT_SECRET);
        ServeSettings settings = ServeSettings.embedded(dir.resolve("data"), 0)
                .withSmtp(new ServeSettings.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), Optional.empty(),
                        Optional.empty(), "login@truss.example", "NONE"))
                .withPublishing(new ServeSettings.Publishing(Map.of(Platform.YOUTUBE, app, Platform.TIKTOK, app,
                        Platform.TWITCH, app),
                        Optional.of(platforms.base()), QUOTA_UNITS));
        server = TrussServer.start(settings, new PrintStream(CONSOLE, true));
        new PrintStream(CONSOLE, true).println(server.summary()); // as `truss serve` prints it

        google = new OAuthStandIn(OAuthStandIn.Flavor.GOOGLE, platforms, callback());
        youtube = new YouTubeStandIn(platforms, google::accepts);
        tiktokLogin = new OAuthStandIn(OAuthStandIn.Flavor.TIKTOK, platforms, callback());
        tiktok = new TikTokStandIn(platforms, tiktokLogin::accepts);
        discord = new DiscordStandIn(platforms);
        twitchLogin = new OAuthStandIn(OAuthStandIn.Flavor.TWITCH, platforms, callback());
        twitch = new TwitchStandIn(platforms, twitchLogin::accepts);
        video = dir.resolve("upload.mp4");
        SampleVideo.write(new FfmpegRun(Ffmpeg.locate(Optional.empty())), video, 640, 360);
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
            if (platforms != null) {
                platforms.close();
            }
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void a_creator_publishes_a_clip_once_each_to_youtube_tiktok_and_discord_then_disconnects_youtube_with_every_secret_sealed()
            throws Exception {
        Browser browser = new Browser(server);
        browser.logIn(MAIL, "ada@example.com");
        String clipId = browser.uploadAndRenderTopClip(video, "Launch stream");
        byte[] rendered = browser.downloadClip(clipId);

        // Twitch is configured, yet takes no uploads: its clips come from live streams.
        HttpResponse<String> toTwitch = browser.post("/api/clips/" + clipId + "/publications",
                Map.of("platforms", List.of("twitch")));
        assertThat(toTwitch.statusCode()).as(toTwitch.body()).isEqualTo(422);
        assertThat(toTwitch.body()).contains("Twitch takes no uploads");

        // Connect YouTube: Truss's consent URL goes to Google (here, the stand-in), which redirects back to our page.
        HttpResponse<String> completed = connect(browser, "youtube", google);
        JsonNode connection = json(completed, 201);
        assertThat(connection.get("platform").asString()).isEqualTo("youtube");
        assertThat(connection.get("accountId").asString()).isEqualTo("UC-truss-channel");
        assertThat(connection.get("accountName").asString()).isEqualTo("Truss Creator");
        String verifier = tokenRequests(GOOGLE_TOKEN, "authorization_code").get(0).get("code_verifier");
        assertThat(verifier).isNotBlank();
        List<String> firstTokens = google.issuedTokens();
        assertThat(firstTokens).hasSize(2); // a refresh token and an access token
        String refreshToken = firstTokens.stream().filter(t -> t.startsWith("refresh-")).findFirst().orElseThrow();
        String firstAccess = firstTokens.stream().filter(t -> t.startsWith("access-")).findFirst().orElseThrow();
        assertThat(completed.body()).doesNotContain(refreshToken).doesNotContain(firstAccess);

        // Google lets the access token lapse early: the upload is refused once, Truss refreshes and carries on.
        google.expire(firstAccess);

        // Publish to YouTube: one job, one complete resumable upload of exactly the rendered clip.
        JsonNode queued = json(browser.post("/api/clips/" + clipId + "/publications",
                Map.of("platforms", List.of("youtube"))), 202).get("publications");
        assertThat(queued.size()).isEqualTo(1);
        JsonNode job = browser.awaitJob(queued.get(0).get("job").get("id").asString());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(youtube.videos()).hasSize(1);
        YouTubeStandIn.Video uploaded = youtube.videos().get(0);
        assertThat(uploaded.content()).isEqualTo(rendered);
        assertThat(tokenRequests(GOOGLE_TOKEN, "refresh_token")).hasSize(1);
        int startsAfterPublishing = platforms.received("POST", YouTubeStandIn.PATH).size();

        // Publishing again finds the clip already there: no job, no second upload, the remote video named.
        JsonNode again = json(browser.post("/api/clips/" + clipId + "/publications",
                Map.of("platforms", List.of("youtube"))), 200).get("publications").get(0);
        assertThat(again.get("state").asString()).isEqualTo("published");
        assertThat(again.get("remoteId").asString()).isEqualTo(uploaded.id());
        assertThat(again.get("url").asString()).matches("https://www\\.youtube\\.com/(shorts/|watch\\?v=)"
                + java.util.regex.Pattern.quote(uploaded.id()));
        assertThat(again.path("job").isObject()).as("a job was queued").isFalse();
        Thread.sleep(1500); // a job queued by mistake would have been picked up by now
        assertThat(youtube.videos()).hasSize(1);
        assertThat(platforms.received("POST", YouTubeStandIn.PATH)).hasSize(startsAfterPublishing);

        // TikTok the same way: its consent, a direct post of the clip in chunks, then nothing more on a second ask.
        JsonNode tiktokConnection = json(connect(browser, "tiktok", tiktokLogin), 201);
        assertThat(tiktokConnection.get("accountName").asString()).isEqualTo("Truss Creator");
        String tiktokVerifier = tokenRequests(TIKTOK_TOKEN, "authorization_code").get(0).get("code_verifier");
        JsonNode toTikTok = json(browser.post("/api/clips/" + clipId + "/publications",
                Map.of("platforms", List.of("tiktok"))), 202).get("publications").get(0);
        JsonNode tiktokJob = browser.awaitJob(toTikTok.get("job").get("id").asString());
        assertThat(tiktokJob.get("state").asString()).as(tiktokJob.toString()).isEqualTo("succeeded");
        assertThat(tiktok.postedVideos()).singleElement().satisfies(posted -> assertThat(posted).isEqualTo(rendered));
        JsonNode onTikTok = json(browser.post("/api/clips/" + clipId + "/publications",
                Map.of("platforms", List.of("tiktok"))), 200).get("publications").get(0);
        assertThat(onTikTok.get("state").asString()).isEqualTo("published");
        assertThat(onTikTok.get("url").asString()).startsWith("https://www.tiktok.com/@");
        assertThat(tiktok.posts()).isEqualTo(1);

        // Discord by a pasted webhook: the clip is posted to the channel.
        JsonNode hooked = json(browser.post("/api/connections/discord/webhook", Map.of("url", DiscordStandIn.URL)), 201);
        assertThat(hooked.get("accountId").asString()).isEqualTo(DiscordStandIn.ID);
        assertThat(hooked.toString()).doesNotContain(DiscordStandIn.TOKEN);
        JsonNode toDiscord = json(browser.post("/api/clips/" + clipId + "/publications",
                Map.of("platforms", List.of("discord"))), 202).get("publications").get(0);
        JsonNode discordJob = browser.awaitJob(toDiscord.get("job").get("id").asString());
        assertThat(discordJob.get("state").asString()).as(discordJob.toString()).isEqualTo("succeeded");
        assertThat(discord.messages()).hasSize(1);
        DiscordStandIn.Message message = discord.messages().get(0);
        assertThat(message.pingsEveryone()).isFalse();
        assertThat(message.files()).singleElement().satisfies(file -> assertThat(file.body()).isEqualTo(rendered));

        JsonNode totals = analyticsToday(browser);
        assertThat(totals.get("published_youtube").asLong()).isEqualTo(1);
        assertThat(totals.get("quota_units_youtube").asLong()).isEqualTo(QUOTA_UNITS);
        assertThat(totals.get("published_tiktok").asLong()).isEqualTo(1);
        assertThat(totals.get("published_discord").asLong()).isEqualTo(1);

        // Disconnect YouTube: Google revokes the grant, so the refresh token Truss held is dead.
        List<String> googleTokens = google.issuedTokens();
        JsonNode disconnected = json(browser.delete("/api/connections/youtube"), 200);
        assertThat(disconnected.get("platform").asString()).isEqualTo("youtube");
        assertThat(disconnected.get("revoked").asBoolean()).as(disconnected.toString()).isTrue();
        assertThat(disconnected.path("problem").isString()).as("a revocation problem").isFalse();
        HttpResponse<String> refreshed = refresh(refreshToken);
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
        assertThat(googleTokens).noneMatch(google::accepts);
        assertThat(json(browser.get("/api/connections"), 200).toString()).doesNotContain("youtube");

        // Every secret the platforms issued, and the PKCE verifier, is sealed wherever Truss keeps or prints it.
        List<String> secrets = new ArrayList<>(google.issuedTokens());
        secrets.addAll(tiktokLogin.issuedTokens());
        secrets.add(verifier);
        secrets.add(tiktokVerifier);
        secrets.add(DiscordStandIn.TOKEN);
        assertThat(youtube.uploadIds()).isNotEmpty();
        secrets.addAll(youtube.uploadIds()); // the upload session's URI was stored while the upload ran
        assertSealed(secrets, DiscordStandIn.ID, "tiktok-open-id-1"); // connections there to be read
    }

    @Test
    void a_burst_of_chat_on_a_twitch_stream_is_clipped_on_twitch_once_while_it_runs_with_every_secret_sealed()
            throws Exception {
        Browser browser = new Browser(server);
        browser.logIn(MAIL, "grace@example.com");
        String title = "Ranked grind: the final round";

        // Connect Twitch through its consent page: the account is the broadcaster Helix names.
        JsonNode connection = json(connect(browser, "twitch", twitchLogin), 201);
        assertThat(connection.get("platform").asString()).isEqualTo("twitch");
        assertThat(connection.get("accountId").asString()).isEqualTo(OAuthStandIn.TWITCH_USER_ID);
        assertThat(connection.get("accountName").asString()).isEqualTo("TrussCreator");
        assertThat(twitchLogin.issuedTokens()).hasSize(2); // a refresh token and an access token

        JsonNode stream = json(browser.post("/api/streams", Map.of("title", title, "platform", "twitch")), 201);
        assertThat(stream.get("platform").asString()).isEqualTo("twitch");
        String chat = "/api/streams/" + stream.get("id").asString() + "/chat";
        String liveClips = "/api/streams/" + stream.get("id").asString() + "/live-clips";

        // The chat relay joins with the chat so far, dated as it was said: three minutes of a steady dozen
        // messages a minute, more than the detector's two-minute warm-up, in which no spike may start.
        Instant joined = Instant.now();
        List<Map<String, String>> backlog = new ArrayList<>();
        for (Instant at = joined.minus(Duration.ofMinutes(3)); at.isBefore(joined); at = at.plusSeconds(5)) {
            backlog.add(message(at, "gg"));
        }
        int sent = backlog.size();
        assertThat(sendChat(browser, chat, backlog).get("newSpikes").size()).isZero();
        assertThat(items(browser, liveClips)).isEmpty();

        // Then the chat erupts, live: ten messages a second, a batch every half second, until the detector
        // sees the spike running (once its first buckets are past the allowed lateness) and Truss asks Twitch.
        Instant burst = Instant.now();
        Instant last = burst;
        while (items(browser, liveClips).isEmpty()) {
            assertThat(Duration.between(burst, Instant.now())).as("no live clip asked for during the burst")
                    .isLessThan(Duration.ofSeconds(60));
            Thread.sleep(500);
            List<Map<String, String>> batch = burstSince(last);
            last = Instant.now();
            assertThat(sendChat(browser, chat, batch).get("newSpikes").size()).as("a spike ended").isZero();
            sent += batch.size();
        }
        Duration askedAfter = Duration.between(burst, Instant.now());
        // The detector judges a bucket once the allowed lateness (10 s) is past its end: at most 15 s and a batch,
        // plus a worker's pickup; well inside the minute a live clip can still reach back.
        assertThat(askedAfter).isLessThan(Duration.ofSeconds(30));

        JsonNode clip = awaitLiveClip(browser, liveClips);
        assertThat(clip.get("state").asString()).as(clip.toString()).isEqualTo("created");
        assertThat(clip.get("platform").asString()).isEqualTo("twitch");
        assertThat(twitch.clips()).singleElement().satisfies(made -> {
            assertThat(made.broadcasterId()).isEqualTo(OAuthStandIn.TWITCH_USER_ID);
            assertThat(made.creatorId()).isEqualTo(OAuthStandIn.TWITCH_USER_ID);
            assertThat(made.title()).isEqualTo(title);
            assertThat(clip.get("clipId").asString()).isEqualTo(made.id());
            assertThat(clip.get("url").asString()).isEqualTo("https://clips.twitch.tv/" + made.id());
        });
        Instant spikeStart = Instant.parse(clip.get("spikeStart").asString());
        assertThat(spikeStart).isBetween(burst.minusSeconds(5), burst.plusSeconds(5));
        StandInServer.Recorded create = platforms.received("POST", CREATE_CLIP).get(0);
        assertThat(create.header("Client-Id")).isEqualTo(OAuthStandIn.CLIENT_ID);
        assertThat(twitchLogin.accepts(create.header("Authorization").substring("Bearer ".length()))).isTrue();

        // More chat of the same spike, still running: Truss hears of it again and asks for no second clip.
        for (int batch = 0; batch < 3; batch++) {
            Thread.sleep(500);
            List<Map<String, String>> more = burstSince(last);
            last = Instant.now();
            assertThat(sendChat(browser, chat, more).get("newSpikes").size()).as("a spike ended").isZero();
            sent += more.size();
        }
        Thread.sleep(1500); // a job queued by mistake would have been picked up by now
        assertThat(twitch.clipsCreated()).isEqualTo(1);
        assertThat(platforms.received("POST", CREATE_CLIP)).hasSize(1);
        assertThat(items(browser, liveClips)).singleElement().satisfies(again -> {
            assertThat(again.get("spikeStart").asString()).isEqualTo(clip.get("spikeStart").asString());
            assertThat(again.get("state").asString()).isEqualTo("created");
        });

        JsonNode totals = analyticsToday(browser);
        assertThat(totals.get("live_clips").asLong()).isEqualTo(1);
        assertThat(totals.get("chat_messages").asLong()).isEqualTo(sent);

        List<String> secrets = new ArrayList<>(twitchLogin.issuedTokens());
        secrets.add(OAuthStandIn.CLIENT_SECRET);
        assertSealed(secrets, OAuthStandIn.TWITCH_USER_ID);
    }

    private static Map<String, String> message(Instant at, String text) {
        return Map.of("at", at.toString(), "text", text);
    }

    /** Ten messages a second said since {@code since}, dated when each was said. */
    private static List<Map<String, String>> burstSince(Instant since) {
        Instant now = Instant.now();
        List<Map<String, String>> batch = new ArrayList<>();
        for (Instant at = since.plusMillis(100); !at.isAfter(now); at = at.plusMillis(100)) {
            batch.add(message(at, "CLIP IT!!"));
        }
        return batch;
    }

    private static JsonNode sendChat(Browser browser, String path, List<Map<String, String>> messages) throws Exception {
        return json(browser.post(path, Map.of("messages", messages)), 200);
    }

    private static List<JsonNode> items(Browser browser, String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        json(browser.get(path), 200).get("items").forEach(items::add);
        return items;
    }

    /** Polls the stream's live clips until its one clip is made or has failed. */
    private static JsonNode awaitLiveClip(Browser browser, String path) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> clips = items(browser, path);
            assertThat(clips).hasSize(1);
            String state = clips.get(0).get("state").asString();
            if (state.equals("created") || state.equals("failed")) {
                return clips.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the live clip was not made in time");
    }

    /**
     * Every one of {@code secrets} is sealed wherever Truss keeps or prints it: the rows of its tables
     * (which do hold the {@code readable} values), its database files, the console.
     */
    private static void assertSealed(List<String> secrets, String... readable) throws Exception {
        String rows = everyRowOfEveryTable();
        assertThat(rows).contains(readable);
        String files = rawDatabaseFiles();
        assertThat(files).contains("SQLite format 3");
        String printed = CONSOLE.toString(StandardCharsets.UTF_8) + PROCESS_OUTPUT.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Truss is running at").contains("POST /api/connections/{platform}");
        for (String secret : secrets) {
            assertThat(rows).as("the table's rows hold %s in plain text", secret).doesNotContain(secret);
            assertThat(files).as("the database files hold %s in plain text", secret).doesNotContain(secret);
            assertThat(printed).as("the console printed %s", secret).doesNotContain(secret);
        }
    }

    /** Our own page the platforms send the creator back to, registered with Truss's app there. */
    private static URI callback() {
        return server.publicOrigin().resolve("/connect/callback");
    }

    /**
     * Opens the platform's consent page as Truss gives it, approves it there as the creator's browser
     * would, and posts what the platform sent back to our page: Truss's answer.
     */
    private static HttpResponse<String> connect(Browser browser, String platform, OAuthStandIn login) throws Exception {
        String redirect = callback().toString();
        URI consent = URI.create(json(browser.get("/api/connections/" + platform + "/authorize?redirect="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8)), 200).get("url").asString());
        assertThat(consent.getAuthority()).isEqualTo(platforms.base().getAuthority());
        URI back = login.approve(consent);
        assertThat(back.toString()).startsWith(redirect + "?");
        Map<String, String> returned = StandInServer.form(back.getRawQuery());
        return browser.post("/api/connections/" + platform, Map.of("code", returned.get("code"),
                "state", returned.get("state"), "redirect", redirect));
    }

    /** The forms Truss posted to a token endpoint with this grant type. */
    private static List<Map<String, String>> tokenRequests(String path, String grantType) {
        return platforms.received("POST", path).stream().map(StandInServer.Recorded::form)
                .filter(form -> grantType.equals(form.get("grant_type"))).toList();
    }

    /** What any holder of Truss's app credentials would try with the refresh token. */
    private static HttpResponse<String> refresh(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)
                + "&client_id=" + OAuthStandIn.CLIENT_ID + "&client_secret=" + OAuthStandIn.CLIENT_SECRET;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(platforms.base().resolve("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode analyticsToday(Browser browser) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return json(browser.get("/api/analytics?from=" + today + "&to=" + today), 200).get("totals");
    }

    /** Every column of every row of every table in Truss's SQLite database, as text, one row a line. */
    private static String everyRowOfEveryTable() throws Exception {
        StringBuilder text = new StringBuilder();
        Path database = dir.resolve("data").resolve(SqliteSettings.FILE_NAME);
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = sql.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            assertThat(tables).contains("items");
            int rows = 0;
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        rows++;
                        for (int column = 1; column <= columns; column++) {
                            byte[] value = row.getBytes(column);
                            text.append(value == null ? "" : new String(value, StandardCharsets.UTF_8)).append('\t');
                        }
                        text.append('\n');
                    }
                }
            }
            assertThat(rows).isPositive();
        }
        return text.toString();
    }

    /** The database file and its journal files (WAL, shared memory) byte for byte, one char a byte. */
    private static String rawDatabaseFiles() throws Exception {
        StringBuilder bytes = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(SqliteSettings.FILE_NAME)).toList()) {
                bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return bytes.toString();
    }

    /** Writes to the real stream and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream real;
        private final OutputStream copy;

        Tee(OutputStream real, OutputStream copy) {
            this.real = real;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            real.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            real.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            real.flush();
        }
    }
}
