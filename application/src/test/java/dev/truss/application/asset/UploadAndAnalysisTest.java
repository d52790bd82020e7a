package dev.truss.application.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.common.Outcome;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.fake.InMemoryTruss;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.asset.AssetState;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.job.Job;
import dev.truss.domain.job.JobState;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UploadAndAnalysisTest {

    private final InMemoryTruss truss = new InMemoryTruss();
    private final CreatorId ada = Fixtures.creatorId();
    private final byte[] video = InMemoryMedia.video(120_000).loud(30, 45).cuts(20_000, 60_000).bytes();

    @Test
    void an_upload_of_a_type_or_size_truss_does_not_take_is_refused_before_any_url_is_given() {
        assertThat(truss.core.requestUpload().execute(new RequestUpload.Command(ada, "Doc", "application/pdf", 10)))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.message()).contains("video/mp4"));
        assertThat(truss.core.requestUpload().execute(new RequestUpload.Command(ada, "Huge", "video/mp4",
                UploadPolicy.DEFAULT.maxBytes() + 1))).isInstanceOf(Outcome.Rejected.class);
        assertThat(truss.objects.uploadGrants()).isEmpty();
        assertThat(truss.assets.listNewestFirst(ada, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void completing_before_the_bytes_arrived_or_with_other_bytes_is_refused_and_can_be_done_right_later() {
        RequestUpload.Upload upload = requestUpload(video.length);
        assertThat(truss.core.completeUpload().execute(ada, upload.asset().id()))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.message()).contains("not arrived"));

        truss.objects.put(upload.upload(), video, "video/mp4");

        assertThat(truss.core.completeUpload().execute(ada, upload.asset().id())).isInstanceOf(Outcome.Ok.class);
    }

    @Test
    void an_analysis_that_keeps_failing_marks_the_video_failed_with_the_reason_and_can_be_retried() throws Exception {
        Asset asset = uploaded();
        truss.signals.failNext(Job.DEFAULT_MAX_ATTEMPTS);
        truss.runJobs();

        Asset failed = truss.assets.find(ada, asset.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(AssetState.FAILED);
        assertThat(failed.failureReason()).isPresent();

        Job retry = truss.core.analyseAsset().execute(ada, asset.id()).orElseThrow();
        truss.runJobs();

        assertThat(truss.jobs.find(ada, retry.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(truss.assets.find(ada, asset.id()).orElseThrow().state()).isEqualTo(AssetState.ANALYSED);
        assertThat(truss.core.analyseAsset().execute(ada, asset.id())).isInstanceOf(Outcome.Rejected.class);
    }

    @Test
    void an_analysis_run_again_writes_the_same_clips_not_duplicates() throws Exception {
        Asset asset = uploaded();
        Job job = truss.jobs.find(ada, truss.queue.submitted().get(0).jobId()).orElseThrow();
        AnalyseAssetJob handler = new AnalyseAssetJob(truss.assets, truss.clips, truss.objects, truss.signals,
                truss.detector, truss.analytics, new dev.truss.domain.virality.ViralityScorer(),
                dev.truss.domain.moment.SelectionPolicy.defaults(), truss.clock);

        handler.run(job, (stage, percent) -> { });
        List<Clip> first = truss.clips.listByAsset(ada, asset.id());
        Asset analysed = truss.assets.find(ada, asset.id()).orElseThrow();
        truss.assets.update(analysed.analysing(truss.clock.instant())); // as if it crashed before finishing
        handler.run(job, (stage, percent) -> { });

        assertThat(first).isNotEmpty();
        assertThat(truss.clips.listByAsset(ada, asset.id())).isEqualTo(first);
    }

    private Asset uploaded() {
        RequestUpload.Upload upload = requestUpload(video.length);
        truss.objects.put(upload.upload(), video, "video/mp4");
        return truss.core.completeUpload().execute(ada, upload.asset().id()).orElseThrow().asset();
    }

    private RequestUpload.Upload requestUpload(long size) {
        return truss.core.requestUpload().execute(new RequestUpload.Command(ada, "Speedrun", "video/mp4", size))
                .orElseThrow();
    }
}
