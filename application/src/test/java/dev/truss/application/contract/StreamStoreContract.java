package dev.truss.application.contract;

import static dev.truss.application.contract.Fixtures.chatted;
import static dev.truss.application.contract.Writes.alreadyExisting;
import static dev.truss.application.contract.Writes.written;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.Page;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.application.port.storage.StreamStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.id.StreamId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.LiveClip;
import dev.truss.domain.stream.Stream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link StreamStore} must do. Extend it and return a fresh, empty store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class StreamStoreContract {

    protected abstract StreamStore newStore();

    private StreamStore store;
    private final CreatorId creator = Fixtures.creatorId();
    private final Instant from = Fixtures.BASE.plusSeconds(3_600);
    private final Instant to = from.plusSeconds(3_600);

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void a_created_live_stream_is_found_with_every_field() {
        Stream live = Fixtures.stream(creator);

        assertThat(written(store.create(live))).isEqualTo(live);
        assertThat(store.find(creator, live.id())).contains(live);
    }

    @Test
    void a_created_ended_stream_is_found_with_its_end_time() {
        Stream ended = Fixtures.endedStream(creator);
        store.create(ended);

        assertThat(store.find(creator, ended.id())).contains(ended);
    }

    @Test
    void creating_a_stream_twice_reports_the_stored_one() {
        Stream stream = Fixtures.stream(creator);
        store.create(stream);

        assertThat(alreadyExisting(store.create(chatted(stream, 5)))).isEqualTo(stream);
    }

    @Test
    void an_update_stores_and_returns_the_next_version() {
        Stream stream = Fixtures.stream(creator);
        store.create(stream);
        Stream ended = chatted(stream, 42).ended(stream.startedAt().plusSeconds(600));

        Stream saved = written(store.update(ended));

        assertThat(saved).isEqualTo(ended.withVersion(stream.version() + 1));
        assertThat(store.find(creator, stream.id())).contains(saved);
    }

    @Test
    void an_update_from_a_stale_read_is_a_version_conflict_and_changes_nothing() {
        Stream stream = Fixtures.stream(creator);
        store.create(stream);
        Stream current = written(store.update(chatted(stream, 1)));

        assertThat(store.update(chatted(stream, 2))).isInstanceOf(WriteResult.VersionConflict.class);
        assertThat(store.find(creator, stream.id())).contains(current);
    }

    @Test
    void updating_an_unknown_stream_is_missing() {
        assertThat(store.update(Fixtures.stream(creator))).isInstanceOf(WriteResult.Missing.class);
    }

    @Test
    void a_creator_never_sees_another_creators_streams_or_spikes() {
        Stream theirs = Fixtures.stream(creator);
        store.create(theirs);
        store.saveSpike(creator, Fixtures.spike(theirs.id(), from));
        CreatorId someoneElse = Fixtures.creatorId();

        assertThat(store.find(someoneElse, theirs.id())).isEmpty();
        assertThat(store.listNewestFirst(someoneElse, PageRequest.first(10)).items()).isEmpty();
        assertThat(store.listSpikes(someoneElse, from, to, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void paging_through_more_than_one_page_returns_every_stream_once_newest_first() {
        List<Stream> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Stream stream = Fixtures.stream(creator);
            store.create(stream);
            created.add(stream);
        }

        List<Page<Stream>> pages = Pages.all(page -> store.listNewestFirst(creator, page), 2);

        assertThat(Pages.sizes(pages)).containsExactly(2, 2, 1);
        assertThat(Pages.items(pages)).containsExactlyElementsOf(Pages.reversed(created));
    }

    @Test
    void a_saved_spike_is_listed_with_every_field() {
        ChatSpike spike = Fixtures.spike(Fixtures.streamId(), from.plusSeconds(10));

        store.saveSpike(creator, spike);

        assertThat(store.listSpikes(creator, from, to, PageRequest.first(10)).items()).containsExactly(spike);
    }

    @Test
    void saving_the_same_spike_twice_is_harmless() {
        ChatSpike spike = Fixtures.spike(Fixtures.streamId(), from.plusSeconds(10));

        store.saveSpike(creator, spike);
        store.saveSpike(creator, spike);

        assertThat(store.listSpikes(creator, from, to, PageRequest.first(10)).items()).containsExactly(spike);
    }

    @Test
    void spikes_are_listed_oldest_first_from_the_start_included_to_the_end_excluded() {
        StreamId one = Fixtures.streamId();
        StreamId two = Fixtures.streamId();
        ChatSpike atFrom = Fixtures.spike(one, from);
        ChatSpike inside = Fixtures.spike(two, from.plusSeconds(60));
        ChatSpike later = Fixtures.spike(one, from.plusSeconds(120));
        ChatSpike before = Fixtures.spike(one, from.minusSeconds(1));
        ChatSpike atTo = Fixtures.spike(two, to);
        List.of(later, atTo, inside, before, atFrom).forEach(spike -> store.saveSpike(creator, spike));

        assertThat(store.listSpikes(creator, from, to, PageRequest.first(10)).items())
                .containsExactly(atFrom, inside, later);
    }

    @Test
    void paging_through_more_than_one_page_returns_every_spike_once_oldest_first() {
        StreamId stream = Fixtures.streamId();
        List<ChatSpike> saved = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ChatSpike spike = Fixtures.spike(stream, from.plusSeconds(60L * i));
            store.saveSpike(creator, spike);
            saved.add(spike);
        }

        List<Page<ChatSpike>> pages = Pages.all(page -> store.listSpikes(creator, from, to, page), 3);

        assertThat(Pages.sizes(pages)).containsExactly(3, 3, 1);
        assertThat(Pages.items(pages)).containsExactlyElementsOf(saved);
    }

    @Test
    void an_empty_window_has_no_spikes_and_no_next() {
        store.saveSpike(creator, Fixtures.spike(Fixtures.streamId(), from));

        Page<ChatSpike> page = store.listSpikes(creator, to, to.plusSeconds(60), PageRequest.first(10));

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void a_live_clip_is_one_per_spike_found_with_every_field_and_updated_by_version() {
        StreamId stream = Fixtures.streamId();
        LiveClip requested = LiveClip.requested(creator, stream, from.plusSeconds(10), Platform.TWITCH,
                from.plusSeconds(70));

        LiveClip stored = written(store.createLiveClip(requested));
        LiveClip again = alreadyExisting(store.createLiveClip(requested.creating("Other", from.plusSeconds(71))));
        LiveClip creating = written(store.updateLiveClip(stored.creating("SpicyClip", from.plusSeconds(72))));

        assertThat(again).isEqualTo(stored);
        assertThat(store.findLiveClip(creator, stream, from.plusSeconds(10))).contains(creating);
        assertThat(store.updateLiveClip(stored.failed("stale", from.plusSeconds(73))))
                .isInstanceOf(WriteResult.VersionConflict.class);
        assertThat(store.findLiveClip(creator, stream, from.plusSeconds(11))).isEmpty();
        assertThat(store.findLiveClip(Fixtures.creatorId(), stream, from.plusSeconds(10))).isEmpty();
    }

    @Test
    void a_streams_live_clips_are_listed_by_spike_start_and_no_other_streams() {
        StreamId stream = Fixtures.streamId();
        StreamId other = Fixtures.streamId();
        List<LiveClip> made = new ArrayList<>();
        for (int i = 3; i >= 1; i--) {
            made.add(0, written(store.createLiveClip(LiveClip.requested(creator, stream, from.plusSeconds(i * 600L),
                    Platform.TWITCH, from))));
        }
        store.createLiveClip(LiveClip.requested(creator, other, from.plusSeconds(5), Platform.TWITCH, from));
        store.saveSpike(creator, Fixtures.spike(stream, from.plusSeconds(20)));

        assertThat(store.listLiveClips(creator, stream)).containsExactlyElementsOf(made);
        assertThat(store.listLiveClips(Fixtures.creatorId(), stream)).isEmpty();
        assertThat(store.listSpikes(creator, from, to, PageRequest.first(10)).items()).hasSize(1);
    }
}
