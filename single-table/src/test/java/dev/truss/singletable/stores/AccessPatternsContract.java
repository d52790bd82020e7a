package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.TrussCore;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.Session;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.Stream;
import dev.truss.domain.time.TimeRange;
import dev.truss.singletable.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The brief's access patterns, each with the number of requests it may make (one, or a stated
 * few). A backend's test extends this and counts what really goes over its wire.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class AccessPatternsContract {

    private static final int SHARDS = 4;

    /** The table the stores use; every call to it is counted by {@link #requests()}. */
    protected abstract Table table();

    /** Requests made to the backend so far. */
    protected abstract long requests();

    private TrussCore.Stores stores;
    private TrussCore.Stores sharded;
    private final CreatorId creator = Fixtures.creatorId();

    @BeforeEach
    void stores() {
        stores = SingleTableStores.on(table(), 1);
        sharded = SingleTableStores.on(table(), SHARDS);
    }

    private <T> T counted(long expected, Supplier<T> access) {
        long before = requests();
        T result = access.get();
        assertThat(requests() - before).as("requests made").isEqualTo(expected);
        return result;
    }

    @Test
    void a_creator_profile_is_one_request_and_by_email_two() {
        Creator creator = Fixtures.creator();
        counted(2, () -> stores.creators().create(creator));

        assertThat(counted(1, () -> stores.creators().find(creator.id()))).contains(creator);
        assertThat(counted(2, () -> stores.creators().findByEmail(creator.email()))).contains(creator);
    }

    @Test
    void a_page_of_assets_is_one_request_holding_only_assets_even_when_they_have_chapters() {
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Asset asset = Fixtures.asset(creator);
            stores.assets().create(asset);
            stores.assets().saveChapters(Fixtures.chapters(creator, asset.id(), 3));
            assets.add(asset);
        }

        Page<Asset> page = counted(1, () -> stores.assets().listNewestFirst(creator, PageRequest.first(3)));

        assertThat(page.items()).containsExactly(assets.get(4), assets.get(3), assets.get(2));
        Page<Asset> rest = counted(1, () -> stores.assets().listNewestFirst(creator, new PageRequest(3, page.next())));
        assertThat(rest.items()).containsExactly(assets.get(1), assets.get(0));
        assertThat(rest.next()).isEmpty();
    }

    @Test
    void one_asset_with_its_chapters_is_two_requests() {
        Asset asset = Fixtures.asset(creator);
        stores.assets().create(asset);
        stores.assets().saveChapters(Fixtures.chapters(creator, asset.id(), 2));

        counted(1, () -> stores.assets().find(creator, asset.id()));
        counted(1, () -> stores.assets().findChapters(creator, asset.id()));
    }

    @Test
    void one_asset_with_its_analysis_is_two_requests_however_long_its_transcript() {
        Asset asset = Fixtures.asset(creator);
        stores.assets().create(asset);
        Transcript transcript = Fixtures.transcript(3_000);
        Analysis analysis = Fixtures.analysis(creator, asset.id(), 4, transcript);
        stores.assets().saveAnalysis(analysis, transcript);

        counted(1, () -> stores.assets().find(creator, asset.id()));
        assertThat(counted(1, () -> stores.assets().findAnalysis(creator, asset.id()))).contains(analysis);
    }

    @Test
    void a_transcript_is_its_analysis_and_one_query_a_page_of_its_parts_and_none_without_a_transcript() {
        Asset asset = Fixtures.asset(creator);
        stores.assets().create(asset);
        Transcript transcript = Fixtures.transcript(3_000);
        stores.assets().saveAnalysis(Fixtures.analysis(creator, asset.id(), 2, transcript), transcript);
        Asset local = Fixtures.asset(creator);
        stores.assets().create(local);
        stores.assets().saveAnalysis(Fixtures.localAnalysis(creator, local.id()), Transcript.EMPTY);

        assertThat(counted(2, () -> stores.assets().findTranscript(creator, asset.id()))).isEqualTo(transcript);
        assertThat(counted(1, () -> stores.assets().findTranscript(creator, local.id()))).isEqualTo(Transcript.EMPTY);
    }

    @Test
    void clips_newest_first_top_by_score_and_of_an_asset_are_one_request_each() {
        AssetId asset = Fixtures.assetId();
        List<Clip> clips = List.of(
                Fixtures.clip(creator, asset, new TimeRange(0, 10_000), 40),
                Fixtures.clip(creator, asset, new TimeRange(20_000, 30_000), 90),
                Fixtures.clip(creator, asset, new TimeRange(40_000, 50_000), 70));
        counted(3, () -> {
            stores.clips().createAll(clips);
            return null;
        });

        assertThat(counted(1, () -> stores.clips().listNewestFirst(creator, PageRequest.first(2))).items())
                .containsExactly(clips.get(2), clips.get(1));
        assertThat(counted(1, () -> stores.clips().listTopByScore(creator, PageRequest.first(2))).items())
                .containsExactly(clips.get(1), clips.get(2));
        assertThat(counted(1, () -> stores.clips().listByAsset(creator, asset))).containsExactlyElementsOf(clips);
        counted(1, () -> stores.clips().find(creator, clips.get(0).id()));
        counted(1, () -> stores.clips().update(clips.get(0)));
    }

    @Test
    void sharded_clips_newest_first_is_one_request_per_shard_and_the_rest_stay_one() {
        AssetId asset = Fixtures.assetId();
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clips.add(Fixtures.clip(creator, asset, new TimeRange(i * 10_000L, i * 10_000L + 5_000), 50 + i));
        }
        sharded.clips().createAll(clips);

        counted(SHARDS, () -> sharded.clips().listNewestFirst(creator, PageRequest.first(2)));
        counted(1, () -> sharded.clips().listTopByScore(creator, PageRequest.first(2)));
        counted(1, () -> sharded.clips().listByAsset(creator, asset));
        counted(1, () -> sharded.clips().find(creator, clips.get(3).id()));
    }

    @Test
    void streams_chat_spikes_analytics_and_connections_are_one_request_each() {
        Stream stream = Fixtures.stream(creator);
        stores.streams().create(stream);
        stores.streams().saveSpike(creator, Fixtures.spike(stream.id(), Fixtures.BASE.plusSeconds(60)));
        stores.analytics().increment(creator, Fixtures.DAY, Metric.values()[0], 1);
        stores.connections().save(Fixtures.connection(creator, Platform.YOUTUBE));
        stores.connections().save(Fixtures.connection(creator, Platform.DISCORD));

        counted(1, () -> stores.streams().listNewestFirst(creator, PageRequest.first(10)));
        assertThat(counted(1, () -> stores.streams().listSpikes(creator, Fixtures.BASE, Fixtures.BASE.plusSeconds(3600),
                PageRequest.first(10))).items()).hasSize(1);
        assertThat(counted(1, () -> stores.analytics().range(creator, Fixtures.DAY.minusDays(30), Fixtures.DAY)))
                .hasSize(1);
        counted(1, () -> {
            stores.analytics().increment(creator, Fixtures.DAY, Metric.values()[0], 1);
            return null;
        });
        assertThat(counted(1, () -> stores.connections().list(creator))).hasSize(2);
    }

    @Test
    void a_magic_link_a_session_and_a_job_are_one_request_each() {
        MagicLink link = Fixtures.magicLink(Fixtures.BASE);
        Session session = Fixtures.session(creator, Fixtures.BASE);
        Job job = Fixtures.job(creator);
        stores.magicLinks().save(link);
        stores.sessions().save(session);
        stores.jobs().create(job);

        assertThat(counted(1, () -> stores.magicLinks().consume(link.tokenHash(), Fixtures.BASE))).contains(link);
        assertThat(counted(1, () -> stores.sessions().find(session.tokenHash(), Fixtures.BASE))).contains(session);
        assertThat(counted(1, () -> stores.jobs().find(creator, job.id()))).contains(job);
        counted(1, () -> stores.jobs().update(job));
    }
}
