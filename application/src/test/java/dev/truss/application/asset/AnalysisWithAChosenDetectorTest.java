package dev.truss.application.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.common.Outcome;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.detect.ChoosingDetector;
import dev.truss.application.fake.FakeAiDetector;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.fake.InMemoryTruss;
import dev.truss.application.port.JobQueue;
import dev.truss.application.port.media.DetectorChoice;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.AssetState;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.job.JobState;
import dev.truss.domain.time.TimeRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A creator chooses the detector per request; what the detection found besides clips is kept with the asset. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalysisWithAChosenDetectorTest {

    private final CreatorId ada = Fixtures.creatorId();
    private final byte[] video = InMemoryMedia.video(120_000).loud(30, 45).cuts(20_000, 60_000).bytes();

    @Test
    void with_an_ai_configured_the_default_analysis_runs_it_and_keeps_its_detector_notes_usage_and_transcript()
            throws Exception {
        InMemoryTruss truss = InMemoryTruss.withAi();
        CompleteUpload.Accepted accepted = complete(truss, DetectorChoice.AUTO);
        truss.runJobs();

        GetAsset.AssetWithAnalysis found = truss.core.getAsset().execute(ada, accepted.asset().id()).orElseThrow();
        Analysis analysis = found.analysis().orElseThrow();
        assertThat(found.asset().state()).isEqualTo(AssetState.ANALYSED);
        assertThat(analysis.detector()).contains(FakeAiDetector.MODEL);
        assertThat(analysis.usage()).contains(new Analysis.Usage(FakeAiDetector.MODEL, 2_000, 200, 1));
        assertThat(analysis.notes()).containsExactly(FakeAiDetector.MODEL + ": proposed 40 moments");
        assertThat(analysis.chapters()).isNotEmpty().isEqualTo(found.chapters());
        Transcript transcript = truss.core.getAsset().transcript(ada, accepted.asset().id()).orElseThrow();
        assertThat(transcript.size()).isEqualTo(30).isEqualTo(analysis.transcriptSegments());
        assertThat(transcript.segments().get(1).text()).isEqualTo("Said at 0:04");
        assertThat(truss.ai.requests()).singleElement()
                .satisfies(request -> assertThat(request.choice()).isEqualTo(DetectorChoice.AUTO));
    }

    @Test
    void asking_for_the_local_detector_on_completion_runs_it_even_with_an_ai_configured() throws Exception {
        InMemoryTruss truss = InMemoryTruss.withAi();
        CompleteUpload.Accepted accepted = complete(truss, DetectorChoice.LOCAL);
        truss.runJobs();

        Analysis analysis = truss.assets.findAnalysis(ada, accepted.asset().id()).orElseThrow();
        assertThat(analysis.detector()).contains(MomentDetector.LOCAL);
        assertThat(analysis.usage()).isEmpty();
        assertThat(analysis.transcriptSegments()).isZero();
        assertThat(truss.ai.requests()).isEmpty();
        assertThat(accepted.analysis().orElseThrow().subject()).isEqualTo(accepted.asset().id().value() + ":local");
    }

    @Test
    void asking_for_the_ai_where_none_is_configured_analyses_locally_and_the_job_says_so() throws Exception {
        InMemoryTruss truss = new InMemoryTruss();
        Job job = complete(truss, DetectorChoice.AI).analysis().orElseThrow();
        truss.runJobs();

        Job done = truss.jobs.find(ada, job.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.stage()).isEqualTo("done");
        assertThat(done.notes()).first().isEqualTo(ChoosingDetector.NO_AI_CONFIGURED);
        Analysis analysis = truss.assets.findAnalysis(ada, AnalysisSubject.parse(job.subject()).asset()).orElseThrow();
        assertThat(analysis.detector()).contains(MomentDetector.LOCAL);
        assertThat(analysis.notes()).isEqualTo(done.notes());
    }

    @Test
    void an_ai_that_falls_back_to_the_local_detector_is_credited_with_nothing_but_its_tokens_and_the_job_says_so()
            throws Exception {
        InMemoryTruss truss = InMemoryTruss.withAi();
        truss.ai.fallBackNext(1);
        Job job = complete(truss, DetectorChoice.AUTO).analysis().orElseThrow();
        truss.runJobs();

        Job done = truss.jobs.find(ada, job.id()).orElseThrow();
        assertThat(done.notes()).first().isEqualTo(FakeAiDetector.FALLBACK_NOTE);
        Analysis analysis = truss.assets.findAnalysis(ada, AnalysisSubject.parse(job.subject()).asset()).orElseThrow();
        assertThat(analysis.detector()).contains(MomentDetector.LOCAL);
        assertThat(analysis.usage()).hasValueSatisfying(usage -> assertThat(usage.model()).isEqualTo(FakeAiDetector.MODEL));
        assertThat(analysis.transcriptSegments()).isZero();
    }

    @Test
    void the_local_detectors_notes_show_on_its_job_and_are_kept_with_the_asset() throws Exception {
        InMemoryTruss truss = new InMemoryTruss();
        Job job = complete(truss, DetectorChoice.AUTO).analysis().orElseThrow();
        truss.runJobs();

        Job done = truss.jobs.find(ada, job.id()).orElseThrow();
        assertThat(done.notes()).singleElement().asString().startsWith("local detector: ");
        assertThat(truss.assets.findAnalysis(ada, AnalysisSubject.parse(job.subject()).asset()).orElseThrow().notes())
                .isEqualTo(done.notes());
    }

    @Test
    void a_retry_makes_one_job_per_state_of_the_video_whatever_detectors_racing_requests_chose() {
        InMemoryTruss truss = InMemoryTruss.withAi();
        Asset asset = uploaded(truss);
        Asset analysing = written(truss.assets.update(asset.analysing(truss.clock.instant())));
        Asset failed = written(truss.assets.update(analysing.failed("the worker ran out of memory",
                truss.clock.instant())));

        Job ai = truss.core.analyseAsset().execute(ada, asset.id(), DetectorChoice.AI).orElseThrow();
        Job aiAgain = truss.core.analyseAsset().execute(ada, asset.id(), DetectorChoice.AI).orElseThrow();
        Job local = truss.core.analyseAsset().execute(ada, asset.id(), DetectorChoice.LOCAL).orElseThrow();
        Job auto = truss.core.analyseAsset().execute(ada, asset.id()).orElseThrow();

        assertThat(ai.subject()).isEqualTo(asset.id().value() + ":ai");
        assertThat(java.util.List.of(aiAgain.id(), local.id(), auto.id())).containsOnly(ai.id());
        assertThat(truss.jobs.find(ada, ai.id()).orElseThrow().subject()).isEqualTo(ai.subject());
        assertThat(failed.version()).isGreaterThan(asset.version());
    }

    @Test
    void asking_for_another_detector_while_an_analysis_is_queued_gives_the_queued_job_and_while_it_runs_is_refused() {
        InMemoryTruss truss = InMemoryTruss.withAi();
        CompleteUpload.Accepted accepted = complete(truss, DetectorChoice.AUTO);
        Asset asset = accepted.asset();

        Job local = truss.core.analyseAsset().execute(ada, asset.id(), DetectorChoice.LOCAL).orElseThrow();
        assertThat(local.id()).isEqualTo(accepted.analysis().orElseThrow().id());
        assertThat(local.subject()).isEqualTo(asset.id().value());
        truss.assets.update(truss.assets.find(ada, asset.id()).orElseThrow().analysing(truss.clock.instant()));
        assertThat(truss.core.analyseAsset().execute(ada, asset.id(), DetectorChoice.AI))
                .isInstanceOfSatisfying(Outcome.Conflict.class,
                        c -> assertThat(c.message()).contains("analysis is under way"));
    }

    @Test
    void an_analysis_job_stored_the_old_way_with_the_asset_id_alone_as_subject_runs_with_the_configured_default()
            throws Exception {
        InMemoryTruss truss = InMemoryTruss.withAi();
        Asset asset = uploaded(truss);
        Job old = Job.queued(Fixtures.jobId(), ada, JobKind.ANALYSE_ASSET, asset.id().value(), truss.clock.instant());
        truss.jobs.create(old);
        truss.queue.submit(new JobQueue.Ticket(ada, old.id()));

        truss.runJobs();

        assertThat(truss.jobs.find(ada, old.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(truss.ai.requests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.choice()).isEqualTo(DetectorChoice.AUTO));
        assertThat(truss.assets.findAnalysis(ada, asset.id()).orElseThrow().detector()).contains(FakeAiDetector.MODEL);
    }

    @Test
    void a_transcript_longer_than_an_asset_keeps_is_cut_to_its_first_segments_and_the_job_says_so() throws Exception {
        InMemoryTruss truss = InMemoryTruss.withAi();
        truss.ai.transcriptOf(Transcript.MAX_SEGMENTS + 5);
        Job job = complete(truss, DetectorChoice.AI).analysis().orElseThrow();
        truss.runJobs();

        Job done = truss.jobs.find(ada, job.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.notes()).contains("the transcript had 20005 segments; the first 20000 were kept");
        Transcript kept = truss.assets.findTranscript(ada, AnalysisSubject.parse(job.subject()).asset());
        assertThat(kept.size()).isEqualTo(Transcript.MAX_SEGMENTS);
        assertThat(kept.segments().get(0).range().startMs()).isZero();
    }

    @Test
    void chapters_beyond_what_an_asset_keeps_are_cut_to_the_first_ones_and_the_job_says_so() throws Exception {
        InMemoryTruss truss = InMemoryTruss.withAi();
        List<Chapter> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new Chapter(new TimeRange(i * 100L, (i + 1) * 100L), "Chapter " + i, "x".repeat(2_000)));
        }
        truss.ai.chaptersOf(many);
        Job job = complete(truss, DetectorChoice.AI).analysis().orElseThrow();
        truss.runJobs();

        List<Chapter> kept = truss.assets.findAnalysis(ada, AnalysisSubject.parse(job.subject()).asset())
                .orElseThrow().chapters();
        assertThat(kept).isEqualTo(Analysis.chaptersThatFit(many)).hasSizeLessThan(many.size());
        assertThat(truss.jobs.find(ada, job.id()).orElseThrow().notes())
                .contains("the analysis found 300 chapters; the first " + kept.size()
                        + " were kept (an asset keeps 256 KB of chapter text)");
    }

    @Test
    void an_asset_before_its_analysis_has_none_and_an_unknown_one_has_no_transcript_to_read() {
        InMemoryTruss truss = new InMemoryTruss();
        Asset asset = uploaded(truss);

        assertThat(truss.core.getAsset().execute(ada, asset.id()).orElseThrow().analysis()).isEmpty();
        assertThat(truss.core.getAsset().execute(ada, asset.id()).orElseThrow().chapters()).isEmpty();
        assertThat(truss.core.getAsset().transcript(ada, asset.id()).orElseThrow()).isEqualTo(Transcript.EMPTY);
        assertThat(truss.core.getAsset().transcript(ada, Fixtures.assetId())).isInstanceOf(Outcome.NotFound.class);
        assertThat(truss.core.getAsset().transcript(Fixtures.creatorId(), asset.id()))
                .isInstanceOf(Outcome.NotFound.class);
    }

    private CompleteUpload.Accepted complete(InMemoryTruss truss, DetectorChoice choice) {
        RequestUpload.Upload upload = truss.core.requestUpload()
                .execute(new RequestUpload.Command(ada, "Speedrun", "video/mp4", video.length)).orElseThrow();
        truss.objects.put(upload.upload(), video, "video/mp4");
        return truss.core.completeUpload().execute(ada, upload.asset().id(), choice).orElseThrow();
    }

    private static Asset written(WriteResult<Asset> result) {
        return ((WriteResult.Written<Asset>) result).value();
    }

    private Asset uploaded(InMemoryTruss truss) {
        return complete(truss, DetectorChoice.AUTO).asset();
    }
}
