package dev.truss.application;

import dev.truss.application.analytics.ReadAnalytics;
import dev.truss.application.asset.AnalyseAsset;
import dev.truss.application.asset.AnalyseAssetJob;
import dev.truss.application.asset.CompleteUpload;
import dev.truss.application.asset.GetAsset;
import dev.truss.application.asset.ListAssets;
import dev.truss.application.asset.RequestUpload;
import dev.truss.application.asset.UploadPolicy;
import dev.truss.application.auth.Authenticate;
import dev.truss.application.auth.LogOut;
import dev.truss.application.auth.RequestMagicLink;
import dev.truss.application.auth.VerifyMagicLink;
import dev.truss.application.clip.DeleteClip;
import dev.truss.application.clip.DownloadClip;
import dev.truss.application.clip.EditClip;
import dev.truss.application.clip.ListClips;
import dev.truss.application.clip.RenderClip;
import dev.truss.application.clip.RenderClipJob;
import dev.truss.application.common.PageCursors;
import dev.truss.application.detect.ChoosingDetector;
import dev.truss.application.job.GetJobStatus;
import dev.truss.application.job.RunJobs;
import dev.truss.application.job.SubmitJob;
import dev.truss.application.port.IdSource;
import dev.truss.application.port.JobQueue;
import dev.truss.application.port.Mailer;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.SecretSealer;
import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.media.MediaProbe;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.SignalExtractor;
import dev.truss.application.port.platform.Platforms;
import dev.truss.application.port.platform.Publisher;
import dev.truss.application.port.storage.AnalyticsStore;
import dev.truss.application.port.storage.AssetStore;
import dev.truss.application.port.storage.ClipStore;
import dev.truss.application.port.storage.CreatorStore;
import dev.truss.application.port.storage.JobStore;
import dev.truss.application.port.storage.MagicLinkStore;
import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.PublicationStore;
import dev.truss.application.port.storage.SessionStore;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.application.profile.GetDashboard;
import dev.truss.application.profile.GetProfile;
import dev.truss.application.profile.UpdateProfile;
import dev.truss.application.publishing.ClipLiveSpikeJob;
import dev.truss.application.publishing.ConnectPlatform;
import dev.truss.application.publishing.DisconnectPlatform;
import dev.truss.application.publishing.ListConnections;
import dev.truss.application.publishing.ListPublications;
import dev.truss.application.publishing.LiveSpikeClips;
import dev.truss.application.publishing.PublishClip;
import dev.truss.application.publishing.PublishClipJob;
import dev.truss.application.stream.EndStream;
import dev.truss.application.stream.IngestChat;
import dev.truss.application.stream.ListSpikes;
import dev.truss.application.stream.ListStreams;
import dev.truss.application.stream.StartStream;
import dev.truss.domain.moment.SelectionPolicy;
import dev.truss.domain.stream.ChatSpikeSettings;
import dev.truss.domain.virality.ViralityScorer;
import dev.truss.domain.virality.ViralityWeights;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every use case of Truss, built from the ports an embedder (or {@code bootstrap}) supplies.
 * This is the one place that knows how use cases fit together; it holds no state of its own.
 *
 * <pre>{@code
 * TrussCore truss = new TrussCore(stores, services, TrussCore.Settings.defaults(loginPage, cursorKey),
 *         sealer, ids, Clock.systemUTC());
 * truss.requestMagicLink().execute(RequestMagicLink.Command.of("me@example.com"));
 * }</pre>
 */
public final class TrussCore {

    /** The single table, one port per aggregate. */
    public record Stores(CreatorStore creators, AssetStore assets, ClipStore clips, StreamStore streams,
                         AnalyticsStore analytics, PlatformConnectionStore connections,
                         PublicationStore publications, MagicLinkStore magicLinks, SessionStore sessions,
                         JobStore jobs) {
    }

    /**
     * Everything outside the table that the use cases call. {@code detector} is best a
     * {@link ChoosingDetector} of the local detector and the AI one, if any, so a creator can
     * choose per request; any other detector is taken for the only, local one (asking it for the
     * AI detector runs it, with a note that none is configured).
     */
    public record Services(ObjectStorage objects, MediaProbe probe, SignalExtractor signals, MomentDetector detector,
                           ClipRenderer renderer, Platforms platforms, Mailer mailer, JobQueue queue) {
        public Services {
            Objects.requireNonNull(platforms, "platforms (Platforms.NONE for none)");
        }
    }

    /**
     * Tunables. {@code loginPage} is where magic links point; {@code cursorKey} (32+ secret bytes,
     * the same on every server) signs page cursors.
     */
    public record Settings(URI loginPage, byte[] cursorKey, UploadPolicy uploads, SelectionPolicy selection,
                           ViralityWeights weights, ChatSpikeSettings chat, Duration jobLease,
                           Duration firstRetryDelay) {
        public Settings {
            Objects.requireNonNull(loginPage, "login page");
            cursorKey = cursorKey.clone();
        }

        public static Settings defaults(URI loginPage, byte[] cursorKey) {
            return new Settings(loginPage, cursorKey, UploadPolicy.DEFAULT, SelectionPolicy.defaults(),
                    ViralityWeights.defaults(), ChatSpikeSettings.defaults(), Duration.ofMinutes(10),
                    Duration.ofSeconds(30));
        }
    }

    private final RequestMagicLink requestMagicLink;
    private final VerifyMagicLink verifyMagicLink;
    private final Authenticate authenticate;
    private final LogOut logOut;
    private final GetProfile getProfile;
    private final UpdateProfile updateProfile;
    private final GetDashboard getDashboard;
    private final RequestUpload requestUpload;
    private final CompleteUpload completeUpload;
    private final AnalyseAsset analyseAsset;
    private final ListAssets listAssets;
    private final GetAsset getAsset;
    private final ListClips listClips;
    private final EditClip editClip;
    private final DeleteClip deleteClip;
    private final RenderClip renderClip;
    private final DownloadClip downloadClip;
    private final PublishClip publishClip;
    private final ListPublications listPublications;
    private final ConnectPlatform connectPlatform;
    private final DisconnectPlatform disconnectPlatform;
    private final ListConnections listConnections;
    private final StartStream startStream;
    private final EndStream endStream;
    private final IngestChat ingestChat;
    private final ListStreams listStreams;
    private final ListSpikes listSpikes;
    private final ReadAnalytics readAnalytics;
    private final GetJobStatus getJobStatus;
    private final RunJobs runJobs;

    public TrussCore(Stores stores, Services services, Settings settings, SecretSealer sealer, IdSource ids,
                     Clock clock) {
        this(stores, services, settings, sealer, ids, clock, new SecureRandom());
    }

    public TrussCore(Stores stores, Services services, Settings settings, SecretSealer sealer, IdSource ids,
                     Clock clock, SecureRandom random) {
        PageCursors cursors = new PageCursors(settings.cursorKey());
        SubmitJob submit = new SubmitJob(stores.jobs(), services.queue(), clock,
                java.util.Optional.of(SubmitJob.SAFETY_NET_DELAY));
        requestMagicLink = new RequestMagicLink(stores.magicLinks(), services.mailer(), clock, random,
                settings.loginPage());
        verifyMagicLink = new VerifyMagicLink(stores.magicLinks(), stores.creators(), stores.sessions(), ids, clock,
                random);
        authenticate = new Authenticate(stores.sessions(), clock);
        logOut = new LogOut(stores.sessions());
        getProfile = new GetProfile(stores.creators());
        updateProfile = new UpdateProfile(stores.creators());
        getDashboard = new GetDashboard(stores.creators(), stores.assets(), stores.analytics(), clock);
        requestUpload = new RequestUpload(stores.assets(), services.objects(), ids, clock, settings.uploads());
        completeUpload = new CompleteUpload(stores.assets(), services.objects(), services.probe(), submit,
                stores.analytics(), clock, settings.uploads());
        analyseAsset = new AnalyseAsset(stores.assets(), submit);
        listAssets = new ListAssets(stores.assets(), cursors);
        getAsset = new GetAsset(stores.assets());
        listClips = new ListClips(stores.clips(), cursors);
        editClip = new EditClip(stores.clips(), stores.assets());
        deleteClip = new DeleteClip(stores.clips(), services.objects());
        renderClip = new RenderClip(stores.clips(), stores.jobs(), submit, clock);
        downloadClip = new DownloadClip(stores.clips(), services.objects());
        publishClip = new PublishClip(stores.clips(), stores.connections(), stores.publications(), submit, clock,
                services.platforms().publishers().stream().map(Publisher::platform).collect(Collectors.toSet()));
        listPublications = new ListPublications(stores.clips(), stores.publications());
        Platforms platforms = services.platforms();
        connectPlatform = new ConnectPlatform(platforms.authorizers(), platforms.webhooks(), stores.connections(), sealer,
                clock, random);
        disconnectPlatform = new DisconnectPlatform(stores.connections(), platforms.authorizers(), platforms.webhooks(),
                sealer);
        listConnections = new ListConnections(stores.connections());
        startStream = new StartStream(stores.streams(), ids, clock, settings.chat());
        ingestChat = new IngestChat(stores.streams(), stores.analytics(), clock, new LiveSpikeClips(stores.streams(),
                stores.connections(), platforms.liveClippers(), submit, clock));
        endStream = new EndStream(stores.streams(), ingestChat, clock);
        listStreams = new ListStreams(stores.streams(), cursors);
        listSpikes = new ListSpikes(stores.streams(), cursors);
        readAnalytics = new ReadAnalytics(stores.analytics());
        getJobStatus = new GetJobStatus(stores.jobs());
        runJobs = new RunJobs(stores.jobs(), services.queue(), List.of(
                new AnalyseAssetJob(stores.assets(), stores.clips(), services.objects(), services.signals(),
                        choosing(services.detector()), stores.analytics(), new ViralityScorer(settings.weights()),
                        settings.selection(), clock),
                new RenderClipJob(stores.clips(), stores.assets(), services.objects(), services.renderer(),
                        stores.analytics(), clock),
                new PublishClipJob(stores.publications(), stores.clips(), stores.connections(), services.objects(),
                        sealer, platforms.publishers(), platforms.authorizers(), stores.analytics(), clock),
                new ClipLiveSpikeJob(stores.streams(), stores.connections(), sealer, platforms.liveClippers(),
                        platforms.authorizers(), stores.analytics(), clock)),
                clock, settings.jobLease(), settings.firstRetryDelay());
    }

    private static ChoosingDetector choosing(MomentDetector detector) {
        return detector instanceof ChoosingDetector chooser ? chooser
                : new ChoosingDetector(detector, java.util.Optional.empty());
    }

    public RequestMagicLink requestMagicLink() { return requestMagicLink; }
    public VerifyMagicLink verifyMagicLink() { return verifyMagicLink; }
    public Authenticate authenticate() { return authenticate; }
    public LogOut logOut() { return logOut; }
    public GetProfile getProfile() { return getProfile; }
    public UpdateProfile updateProfile() { return updateProfile; }
    public GetDashboard getDashboard() { return getDashboard; }
    public RequestUpload requestUpload() { return requestUpload; }
    public CompleteUpload completeUpload() { return completeUpload; }
    public AnalyseAsset analyseAsset() { return analyseAsset; }
    public ListAssets listAssets() { return listAssets; }
    public GetAsset getAsset() { return getAsset; }
    public ListClips listClips() { return listClips; }
    public EditClip editClip() { return editClip; }
    public DeleteClip deleteClip() { return deleteClip; }
    public RenderClip renderClip() { return renderClip; }
    public DownloadClip downloadClip() { return downloadClip; }
    public PublishClip publishClip() { return publishClip; }
    public ListPublications listPublications() { return listPublications; }
    public ConnectPlatform connectPlatform() { return connectPlatform; }
    public DisconnectPlatform disconnectPlatform() { return disconnectPlatform; }
    public ListConnections listConnections() { return listConnections; }
    public StartStream startStream() { return startStream; }
    public EndStream endStream() { return endStream; }
    public IngestChat ingestChat() { return ingestChat; }
    public ListStreams listStreams() { return listStreams; }
    public ListSpikes listSpikes() { return listSpikes; }
    public ReadAnalytics readAnalytics() { return readAnalytics; }
    public GetJobStatus getJobStatus() { return getJobStatus; }
    /** The worker loop's body; {@code JobWorkers.start} runs it on as many threads as the machine can render on. */
    public RunJobs runJobs() { return runJobs; }
}
