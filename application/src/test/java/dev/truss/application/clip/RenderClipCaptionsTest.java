package dev.truss.application.clip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.asset.RequestUpload;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.fake.InMemoryTruss;
import dev.truss.application.port.media.ClipRenderer;
import dev.truss.application.port.media.DetectorChoice;
import dev.truss.domain.asset.Analysis;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.id.AssetId;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A rendered clip burns in what is said during it, from its video's transcript. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RenderClipCaptionsTest {

    private final CreatorId ada = Fixtures.creatorId();
    private final byte[] video = InMemoryMedia.video(120_000).loud(30, 45).cuts(20_000, 60_000).bytes();

    @Test
    void a_clip_renders_with_the_transcript_segments_said_during_it_cut_to_it_on_the_videos_timeline()
            throws Exception {
        InMemoryTruss truss = InMemoryTruss.withAi();
        AssetId asset = analysed(truss, DetectorChoice.AUTO);
        Clip clip = truss.core.listClips().ofAsset(ada, asset).get(0);
        Transcript transcript = truss.assets.findTranscript(ada, asset);

        List<ClipRenderer.CaptionCue> captions = render(truss, clip);

        assertThat(captions).isNotEmpty().allSatisfy(cue -> assertThat(clip.range().contains(cue.range())).isTrue());
        assertThat(captions).extracting(ClipRenderer.CaptionCue::text)
                .isEqualTo(transcript.within(clip.range()).stream().map(TranscriptSegment::text).toList());
        assertThat(captions).extracting(ClipRenderer.CaptionCue::range)
                .isEqualTo(transcript.within(clip.range()).stream().map(TranscriptSegment::range).toList());
    }

    @Test
    void segments_reaching_over_a_clips_ends_are_cut_to_the_clip() throws Exception {
        InMemoryTruss truss = new InMemoryTruss();
        AssetId asset = analysed(truss, DetectorChoice.AUTO);
        Clip clip = truss.core.listClips().ofAsset(ada, asset).get(0);
        long start = clip.range().startMs();
        long end = clip.range().endMs();
        Transcript transcript = new Transcript(List.of(
                new TranscriptSegment(new TimeRange(Math.max(0, start - 2_000), start + 1_000), "across the start"),
                new TranscriptSegment(new TimeRange(start + 1_000, start + 3_000), "inside"),
                new TranscriptSegment(new TimeRange(end - 1_000, end + 2_000), "across the end"),
                new TranscriptSegment(new TimeRange(end, end + 4_000), "after")));
        Analysis local = truss.assets.findAnalysis(ada, asset).orElseThrow();
        truss.assets.saveAnalysis(new Analysis(ada, asset, local.detector(), local.chapters(), local.notes(),
                Optional.empty(), transcript.size()), transcript);

        List<ClipRenderer.CaptionCue> captions = render(truss, clip);

        assertThat(captions).containsExactly(
                new ClipRenderer.CaptionCue(new TimeRange(start, start + 1_000), "across the start"),
                new ClipRenderer.CaptionCue(new TimeRange(start + 1_000, start + 3_000), "inside"),
                new ClipRenderer.CaptionCue(new TimeRange(end - 1_000, end), "across the end"));
    }

    @Test
    void a_clip_of_a_video_without_transcript_renders_without_captions() throws Exception {
        InMemoryTruss truss = InMemoryTruss.withAi();
        AssetId asset = analysed(truss, DetectorChoice.LOCAL);
        Clip clip = truss.core.listClips().ofAsset(ada, asset).get(0);

        assertThat(render(truss, clip)).isEmpty();
    }

    private List<ClipRenderer.CaptionCue> render(InMemoryTruss truss, Clip clip) throws Exception {
        truss.core.renderClip().execute(ada, clip.id()).orElseThrow();
        truss.runJobs();
        assertThat(truss.renderer.rendered()).hasSize(1);
        return truss.renderer.rendered().get(0).captions();
    }

    private AssetId analysed(InMemoryTruss truss, DetectorChoice choice) throws Exception {
        RequestUpload.Upload upload = truss.core.requestUpload()
                .execute(new RequestUpload.Command(ada, "Speedrun", "video/mp4", video.length)).orElseThrow();
        truss.objects.put(upload.upload(), video, "video/mp4");
        truss.core.completeUpload().execute(ada, upload.asset().id(), choice).orElseThrow();
        truss.runJobs();
        return upload.asset().id();
    }
}
