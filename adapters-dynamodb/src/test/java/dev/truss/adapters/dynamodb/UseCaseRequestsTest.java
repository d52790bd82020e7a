package dev.truss.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.platform.Platforms;
import dev.truss.application.TrussCore;
import dev.truss.application.analytics.ReadAnalytics;
import dev.truss.application.auth.RequestMagicLink;
import dev.truss.application.auth.VerifyMagicLink;
import dev.truss.application.common.Outcome;
import dev.truss.application.common.PageQuery;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.fake.FakeClipRenderer;
import dev.truss.application.fake.FakeMediaProbe;
import dev.truss.application.fake.FakeMomentDetector;
import dev.truss.application.fake.FakeSignalExtractor;
import dev.truss.application.fake.InMemoryJobQueue;
import dev.truss.application.fake.InMemoryObjectStorage;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.fake.RecordingMailer;
import dev.truss.application.port.AesGcmSecretSealer;
import dev.truss.application.port.UlidIdSource;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.singletable.stores.SingleTableStores;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The requests each read a web client makes costs on DynamoDB, counted by the SDK interceptor
 * while the whole core runs on the DynamoDB stores (other ports on fakes).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UseCaseRequestsTest {

    private static final RequestCounter REQUESTS = new RequestCounter();
    private static DynamoDbClient client;
    private static TrussCore.Stores stores;

    private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    private final RecordingMailer mailer = new RecordingMailer();
    private final TrussCore truss = core();

    @BeforeAll
    static void freshTable() {
        DynamoDbSettings settings = Dynalite.freshTable();
        client = Dynalite.clients(settings).withRequestCounter(REQUESTS).create();
        stores = SingleTableStores.on(new DynamoDbTable(client, settings.tableName()), 1);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private TrussCore core() {
        InMemoryObjectStorage objects = new InMemoryObjectStorage(clock);
        return new TrussCore(stores,
                new TrussCore.Services(objects, new FakeMediaProbe(objects::fetch), new FakeSignalExtractor(objects::fetch),
                        new FakeMomentDetector(), new FakeClipRenderer(objects::fetch), Platforms.NONE, mailer,
                        new InMemoryJobQueue(clock)),
                TrussCore.Settings.defaults(URI.create("https://truss.example/login/verify"),
                        "a cursor key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8)),
                new AesGcmSecretSealer(new byte[32]), new UlidIdSource(clock), clock);
    }

    private static <T> T requests(long expected, Supplier<T> useCase) {
        long before = REQUESTS.total();
        T result = useCase.get();
        assertThat(REQUESTS.total() - before).as("DynamoDB requests").isEqualTo(expected);
        return result;
    }

    @Test
    void logging_in_is_a_bounded_few_requests_and_each_later_request_one_to_check_the_session() {
        String email = "first." + System.nanoTime() + "@example.com";
        requests(1, () -> {
            truss.requestMagicLink().execute(RequestMagicLink.Command.of(email)); // save the link
            return null;
        });
        String token = mailer.sent().get(0).text().replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");

        // consume the link; look the email up (owner item: none yet); claim the email; write the
        // profile; open the session.
        Outcome<VerifyMagicLink.LoggedIn> loggedIn = requests(5, () -> truss.verifyMagicLink().execute(token));

        String session = ((Outcome.Ok<VerifyMagicLink.LoggedIn>) loggedIn).value().sessionToken().value();
        assertThat(requests(1, () -> truss.authenticate().execute(session))).isPresent();
    }

    @Test
    void each_page_a_creator_opens_is_one_to_three_requests() {
        Creator creator = Fixtures.creator();
        stores.creators().create(creator);
        CreatorId id = creator.id();
        Asset asset = Fixtures.analysedAsset(id);
        stores.assets().create(asset);
        stores.assets().saveChapters(Fixtures.chapters(id, asset.id(), 3));
        stores.clips().createAll(List.of(Fixtures.clip(id, asset.id()), Fixtures.clip(id, asset.id())));
        Job job = Fixtures.job(id);
        stores.jobs().create(job);

        requests(1, () -> truss.getProfile().execute(id));
        requests(3, () -> truss.getDashboard().execute(id)); // profile, recent assets, recent days
        requests(1, () -> truss.listAssets().execute(id, PageQuery.firstPage()));
        requests(2, () -> truss.getAsset().execute(id, asset.id())); // the asset, its chapters
        requests(1, () -> truss.listClips().newestFirst(id, PageQuery.firstPage()));
        requests(1, () -> truss.listClips().topByScore(id, PageQuery.firstPage()));
        requests(1, () -> truss.listClips().ofAsset(id, asset.id()));
        requests(1, () -> truss.readAnalytics().execute(
                new ReadAnalytics.Query(id, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1))));
        requests(1, () -> truss.getJobStatus().execute(id, job.id()));
        requests(1, () -> truss.listConnections().execute(id));
        requests(1, () -> truss.listStreams().execute(id, PageQuery.firstPage()));
    }
}
