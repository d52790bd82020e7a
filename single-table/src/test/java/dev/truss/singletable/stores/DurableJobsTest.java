package dev.truss.singletable.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.platform.Platforms;
import dev.truss.application.TrussCore;
import dev.truss.application.asset.RequestUpload;
import dev.truss.application.contract.Eventually;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.fake.InMemoryTruss;
import dev.truss.application.job.JobWorkers;
import dev.truss.application.port.AesGcmSecretSealer;
import dev.truss.application.port.JobQueue;
import dev.truss.application.port.UlidIdSource;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.asset.AssetState;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobState;
import dev.truss.singletable.DyingTable;
import dev.truss.singletable.InMemoryTable;
import dev.truss.singletable.Table;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Background work on the durable queue and the table's stores, as a server runs it: worker
 * pools in processes that share the table (here, cores built on the same in-memory table), the
 * media and platforms faked.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DurableJobsTest {

    private static final Duration VISIBILITY = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(10);

    private final InMemoryTruss fakes = new InMemoryTruss(); // its fakes for media, objects and platforms; its clock
    private final InMemoryTable table = new InMemoryTable();
    private final CreatorId ada = Fixtures.creatorId();

    @Test
    void an_analysis_whose_process_crashed_after_writing_clips_is_finished_by_a_restart_without_duplicates()
            throws Exception {
        DyingTable dying = new DyingTable(table, item -> item.key().sk().startsWith("CHAPTERS#")); // right after the clips
        TrussCore first = process(dying);
        Job analysis = uploadAndAnalyse(first);

        try (JobWorkers crashing = JobWorkers.start(first.runJobs(), 2, POLL, Duration.ofMillis(50))) {
            assertThat(dying.died().await(10, TimeUnit.SECONDS)).isTrue();
        }
        TrussCore restarted = process(table);
        AssetId asset = AssetId.parse(analysis.subject());
        List<Clip> clipsBeforeTheCrash = clipsOf(asset);
        Job midway = restarted.getJobStatus().execute(ada, analysis.id()).orElseThrow();
        assertThat(midway.state()).isEqualTo(JobState.RUNNING);
        assertThat(midway.stage()).isEqualTo("scoring");
        assertThat(midway.progress()).isEqualTo(85);
        assertThat(clipsBeforeTheCrash).isNotEmpty();

        fakes.clock.advance(Duration.ofMinutes(11)); // the restart comes after the default lease (10 min) and the visibility timeout
        try (JobWorkers workers = JobWorkers.start(restarted.runJobs(), 2, POLL)) {
            Eventually.within(10, "the analysis succeeded", () -> restarted.getJobStatus().execute(ada, analysis.id())
                    .orElseThrow().state() == JobState.SUCCEEDED);
        }

        Job done = restarted.getJobStatus().execute(ada, analysis.id()).orElseThrow();
        assertThat(done.stage()).isEqualTo("done");
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(restarted.getAsset().execute(ada, asset).orElseThrow().asset().state()).isEqualTo(AssetState.ANALYSED);
        assertThat(clipsOf(asset)).as("the same clips, none twice").isEqualTo(clipsBeforeTheCrash);
        LocalDate today = LocalDate.ofInstant(fakes.clock.instant(), ZoneOffset.UTC);
        assertThat(SingleTableStores.on(table, 1).analytics().range(ada, today, today))
                .singleElement().satisfies(counts -> {
                    assertThat(counts.count(Metric.CLIPS_CREATED)).isEqualTo(clipsBeforeTheCrash.size());
                    assertThat(counts.count(Metric.ASSETS_ANALYSED)).isEqualTo(1);
                });
        fakes.clock.advance(Duration.ofMinutes(11)); // past every ticket put back: the safety net, a lost claim, a lease wait
        for (Optional<Job> leftover = restarted.runJobs().runNext(POLL); leftover.isPresent();
             leftover = restarted.runJobs().runNext(POLL)) {
            assertThat(leftover.get().attempts()).as("a leftover ticket runs nothing again").isEqualTo(2);
        }
        assertThat(table.items()).as("no ticket left").noneMatch(item -> item.key().pk().startsWith("QUEUE#"));
    }

    /** One server process: every use case on {@code table}, with a queue in the same table. */
    private TrussCore process(Table on) {
        JobQueue queue = new TableJobQueue(on, TableJobQueue.DEFAULT_NAME, fakes.clock, VISIBILITY, POLL);
        return new TrussCore(SingleTableStores.on(on, 1),
                new TrussCore.Services(fakes.objects, fakes.probe, fakes.signals, fakes.detector, fakes.renderer,
                        new Platforms(List.copyOf(fakes.authorizers.values()), List.copyOf(fakes.publishers.values()),
                                List.of(), List.of()), fakes.mailer, queue),
                TrussCore.Settings.defaults(URI.create("https://truss.example/login/verify"),
                        "a cursor key of 32 bytes or more, for tests".getBytes(StandardCharsets.UTF_8)),
                new AesGcmSecretSealer(new byte[32]), new UlidIdSource(fakes.clock), fakes.clock);
    }

    private Job uploadAndAnalyse(TrussCore core) {
        byte[] video = InMemoryMedia.video(120_000).loud(30, 45).cuts(20_000, 60_000).bytes();
        RequestUpload.Upload upload = core.requestUpload()
                .execute(new RequestUpload.Command(ada, "Speedrun", "video/mp4", video.length)).orElseThrow();
        fakes.objects.put(upload.upload(), video, "video/mp4");
        return core.completeUpload().execute(ada, upload.asset().id()).orElseThrow().analysis().orElseThrow();
    }

    private List<Clip> clipsOf(AssetId asset) {
        return SingleTableStores.on(table, 1).clips().listByAsset(ada, asset);
    }
}
