package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.contract.Fixtures;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Chapters;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobState;
import dev.truss.domain.platform.PendingAuthorization;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import dev.truss.domain.platform.Publication;
import dev.truss.domain.platform.PublicationState;
import dev.truss.domain.platform.SealedSecret;
import dev.truss.domain.stream.LiveClip;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EntityCodecTest {

    private final EntityCodec codec = new EntityCodec();

    static List<Named<Object>> everyStoredEntity() {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        List<Object> entities = new ArrayList<>();
        entities.add(Fixtures.creator());
        entities.add(Fixtures.asset(creator));
        entities.add(Fixtures.analysedAsset(creator));
        entities.add(Fixtures.failedAsset(creator));
        entities.add(Fixtures.chapters(creator, asset, 3));
        entities.addAll(Fixtures.clipsInEveryRenderState(creator, asset));
        entities.add(Fixtures.stream(creator));
        entities.add(Fixtures.chatted(Fixtures.stream(creator), 500));
        entities.add(Fixtures.endedStream(creator));
        entities.add(Fixtures.spike(Fixtures.streamId(), Fixtures.BASE));
        entities.add(Fixtures.job(creator));
        entities.add(Fixtures.retryingJob(creator));
        entities.add(Fixtures.notedJob(creator));
        entities.addAll(Fixtures.publicationsInEveryState(creator));
        for (Platform platform : Platform.values()) {
            entities.add(Fixtures.connection(creator, platform));
        }
        LiveClip requested = LiveClip.requested(creator, Fixtures.streamId(), Fixtures.BASE, Platform.TWITCH,
                Fixtures.BASE);
        entities.add(requested);
        entities.add(requested.creating("GlossyClip", Fixtures.BASE));
        entities.add(requested.created("GlossyClip", "https://clips.twitch.tv/GlossyClip", Fixtures.BASE));
        entities.add(requested.failed("Twitch did not make the clip", Fixtures.BASE));
        entities.add(new PendingAuthorization(SecretToken.generate(new java.security.SecureRandom()).hash(), creator,
                SecretToken.generate(new java.security.SecureRandom()).hash(), Platform.TIKTOK,
                java.net.URI.create("https://truss.example/connect/tiktok/callback"), new SealedSecret("v2:0a:x"),
                Fixtures.BASE));
        entities.add(Fixtures.magicLink(Fixtures.BASE));
        entities.add(Fixtures.session(creator, Fixtures.BASE));
        return entities.stream().map(entity -> Named.of(describe(entity), entity)).toList();
    }

    private static String describe(Object entity) {
        if (entity instanceof Clip clip) {
            return "Clip " + clip.render().getClass().getSimpleName();
        }
        if (entity instanceof Publication publication) {
            return "Publication " + publication.state().getClass().getSimpleName();
        }
        if (entity instanceof LiveClip clip) {
            return "LiveClip " + clip.state().getClass().getSimpleName();
        }
        if (entity instanceof PlatformConnection connection) {
            return "PlatformConnection " + connection.platform();
        }
        return entity.getClass().getSimpleName();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStoredEntity")
    void every_stored_entity_comes_back_equal(Object entity) {
        String json = codec.encode(entity);

        assertThat(codec.decode(json, entity.getClass())).isEqualTo(entity);
    }

    @org.junit.jupiter.api.Test
    void ids_and_emails_are_plain_strings_and_states_are_named() {
        Creator creator = Fixtures.creator();
        Clip clip = Fixtures.clipsInEveryRenderState(creator.id(), Fixtures.assetId()).get(0);

        assertThat(codec.encode(creator))
                .contains("\"id\":\"" + creator.id().value() + "\"")
                .contains("\"email\":\"" + creator.email().value() + "\"");
        assertThat(codec.encode(clip)).contains("\"render\":{\"type\":\"NOT_RENDERED\"");
    }

    @org.junit.jupiter.api.Test
    void unknown_properties_from_a_newer_server_are_ignored() {
        Creator creator = Fixtures.creator();
        String newer = codec.encode(creator).replaceFirst("\\{", "{\"avatar\":\"x.png\",");

        assertThat(codec.decode(newer, Creator.class)).isEqualTo(creator);
    }

    @org.junit.jupiter.api.Test
    void a_job_stored_before_jobs_had_notes_reads_with_none() {
        Job job = Fixtures.retryingJob(Fixtures.creatorId());
        String old = codec.encode(job).replace("\"notes\":[],", "");

        assertThat(old).doesNotContain("notes");
        assertThat(codec.decode(old, Job.class)).isEqualTo(job);
    }

    @org.junit.jupiter.api.Test
    void a_publication_stored_before_publications_had_notes_reads_with_none() {
        Publication published = Fixtures.publicationsInEveryState(Fixtures.creatorId()).stream()
                .filter(p -> p.state() instanceof PublicationState.Published).findFirst().orElseThrow();
        String old = codec.encode(published).replaceAll(",\"notes\":\\[[^\\]]*\\]", "");

        assertThat(old).doesNotContain("notes");
        assertThat(((PublicationState.Published) codec.decode(old, Publication.class).state()).notes()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_job_written_the_old_way_by_hand_reads_with_every_field() {
        String old = "{\"id\":\"01HZY3K7Q8M4T2V6W9X0A1B2C9\",\"creatorId\":\"01HZY3K7Q8M4T2V6W9X0A1B2C3\","
                + "\"kind\":\"ANALYSE_ASSET\",\"subject\":\"01HZY3K7Q8M4T2V6W9X0A1B2C4\",\"state\":\"SUCCEEDED\","
                + "\"stage\":\"done\",\"progress\":100,\"attempts\":1,\"maxAttempts\":3,\"lastError\":null,"
                + "\"createdAt\":\"2026-03-01T10:00:00Z\",\"updatedAt\":\"2026-03-01T10:05:00Z\",\"version\":4}";

        Job job = codec.decode(old, Job.class);

        assertThat(job.notes()).isEmpty();
        assertThat(job.lastError()).isEmpty();
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.subject()).isEqualTo("01HZY3K7Q8M4T2V6W9X0A1B2C4");
        assertThat(job.version()).isEqualTo(4);
    }

    @org.junit.jupiter.api.Test
    void an_analysis_item_comes_back_equal_and_one_of_chapters_only_written_before_reads_as_chapters_only() {
        CreatorId creator = Fixtures.creatorId();
        AssetId asset = Fixtures.assetId();
        Analysis analysis = Fixtures.analysis(creator, asset, 3, Fixtures.transcript(7));
        TableAssetStore.AnalysisItem item = TableAssetStore.AnalysisItem.of(analysis, 4, "0123456789abcdef", 1);
        Chapters chapters = Fixtures.chapters(creator, asset, 2);

        assertThat(codec.decode(codec.encode(item), TableAssetStore.AnalysisItem.class)).isEqualTo(item);
        assertThat(codec.decode(codec.encode(item), TableAssetStore.AnalysisItem.class).analysis()).isEqualTo(analysis);
        assertThat(codec.decode(codec.encode(chapters), TableAssetStore.AnalysisItem.class).analysis())
                .isEqualTo(Analysis.chaptersOnly(chapters));
    }
}
