package dev.truss.application.clip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.common.Outcome;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.fake.InMemoryAssetStore;
import dev.truss.application.fake.InMemoryClipStore;
import dev.truss.application.fake.InMemoryObjectStorage;
import dev.truss.application.fake.MutableClock;
import dev.truss.domain.asset.Asset;
import dev.truss.domain.clip.Clip;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.clip.RenderState;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.time.TimeRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EditAndDeleteClipTest {

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final CreatorId ada = Fixtures.creatorId();
    private final InMemoryAssetStore assets = new InMemoryAssetStore();
    private final InMemoryClipStore clips = new InMemoryClipStore();
    private final InMemoryObjectStorage storage = new InMemoryObjectStorage(clock);
    private final EditClip edit = new EditClip(clips, assets);
    private final Asset video = stored(Fixtures.analysedAsset(ada)); // 600 s long
    private final Clip clip = Fixtures.clip(ada, video.id()).rendered("r/a.mp4", "r/a.jpg", clock.instant());

    @Test
    void new_words_keep_the_render_and_a_new_range_drops_it() {
        clips.createAll(List.of(clip));

        Clip retitled = edit.execute(command(0, Optional.empty(), Optional.of("Better title"))).orElseThrow();
        Clip recut = edit.execute(command(1, Optional.of(new TimeRange(20_000, 50_000)), Optional.empty()))
                .orElseThrow();

        assertThat(retitled.title()).isEqualTo("Better title");
        assertThat(retitled.render()).isInstanceOf(RenderState.Rendered.class);
        assertThat(recut.range()).isEqualTo(new TimeRange(20_000, 50_000));
        assertThat(recut.render()).isInstanceOf(RenderState.NotRendered.class);
        assertThat(recut.version()).isEqualTo(2);
    }

    @Test
    void an_edit_of_an_older_version_is_refused_instead_of_overwriting() {
        clips.createAll(List.of(clip));
        edit.execute(command(0, Optional.empty(), Optional.of("Mine"))).orElseThrow();

        Outcome<Clip> stale = edit.execute(command(0, Optional.empty(), Optional.of("Theirs")));

        assertThat(stale).isInstanceOf(Outcome.Conflict.class);
        assertThat(clips.find(ada, clip.id()).orElseThrow().title()).isEqualTo("Mine");
    }

    @Test
    void a_range_past_the_end_of_the_video_is_refused_with_the_videos_length() {
        clips.createAll(List.of(clip));

        Outcome<Clip> outside = edit.execute(command(0, Optional.of(new TimeRange(590_000, 620_000)),
                Optional.empty()));

        assertThat(outside).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.message()).contains("600000 ms"));
    }

    @Test
    void deleting_a_rendered_clip_removes_its_files_and_a_second_delete_finds_nothing() {
        clips.createAll(List.of(clip));
        storage.preload("r/a.mp4", new byte[] {1}, "video/mp4");
        storage.preload("r/a.jpg", new byte[] {2}, "image/jpeg");
        DeleteClip delete = new DeleteClip(clips, storage);

        assertThat(delete.execute(ada, clip.id())).isInstanceOf(Outcome.Ok.class);

        assertThat(storage.keys()).isEmpty();
        assertThat(clips.find(ada, clip.id())).isEmpty();
        assertThat(delete.execute(ada, clip.id())).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void another_creator_cannot_edit_or_delete_the_clip() {
        clips.createAll(List.of(clip));
        CreatorId mallory = Fixtures.creatorId();

        assertThat(edit.execute(new EditClip.Command(mallory, clip.id(), 0, Optional.empty(), Optional.of("pwned"),
                Optional.empty(), Optional.empty(), Optional.empty()))).isInstanceOf(Outcome.NotFound.class);
        assertThat(new DeleteClip(clips, storage).execute(mallory, clip.id())).isInstanceOf(Outcome.NotFound.class);
        assertThat(clips.find(ada, clip.id())).contains(clip);
    }

    private EditClip.Command command(long version, Optional<TimeRange> range, Optional<String> title) {
        return new EditClip.Command(ada, clip.id(), version, range, title, Optional.empty(), Optional.empty(),
                Optional.<Layout>empty());
    }

    private Asset stored(Asset asset) {
        assets.create(asset);
        return asset;
    }
}
