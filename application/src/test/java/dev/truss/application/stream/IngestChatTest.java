package dev.truss.application.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.common.Outcome;
import dev.truss.application.common.PageCursors;
import dev.truss.application.common.PageQuery;
import dev.truss.application.contract.Fixtures;
import dev.truss.application.fake.InMemoryAnalyticsStore;
import dev.truss.application.fake.InMemoryStreamStore;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.UlidIdSource;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.ChatMessage;
import dev.truss.domain.stream.ChatSpike;
import dev.truss.domain.stream.ChatSpikeSettings;
import dev.truss.domain.stream.Stream;
import dev.truss.domain.stream.StreamState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IngestChatTest {

    private final MutableClock clock = MutableClock.at("2026-03-01T20:00:00Z");
    private final CreatorId ada = Fixtures.creatorId();
    private final InMemoryStreamStore streams = new InMemoryStreamStore();
    private final InMemoryAnalyticsStore analytics = new InMemoryAnalyticsStore();
    private final IngestChat ingest = new IngestChat(streams, analytics, clock);
    private final EndStream end = new EndStream(streams, ingest, clock);
    private final ListSpikes spikes = new ListSpikes(streams, new PageCursors(new byte[32]));
    private final Stream stream = new StartStream(streams, new UlidIdSource(clock), clock, ChatSpikeSettings.defaults())
            .execute(new StartStream.Command(ada, "Speedrun night", Platform.TWITCH)).orElseThrow();

    @Test
    void a_burst_of_chat_sent_in_batches_is_stored_as_one_spike_of_the_stream() {
        Instant start = stream.startedAt();
        feedMinutes(start, 0, 10, 10);   // ten quiet minutes: 10 messages a minute
        feedMinutes(start, 10, 11, 80);  // a minute of 80 a minute
        feedMinutes(start, 11, 15, 10);  // quiet again, long enough for the spike to be reported

        List<ChatSpike> found = spikes.ofStream(ada, stream.id(), PageQuery.firstPage()).orElseThrow().items();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).start()).isBetween(start.plus(Duration.ofMinutes(9)), start.plus(Duration.ofMinutes(11)));
        assertThat(found.get(0).intensity()).isGreaterThan(2);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(analytics.range(ada, today, today).get(0).count(Metric.CHAT_SPIKES)).isEqualTo(1);
        assertThat(analytics.range(ada, today, today).get(0).count(Metric.CHAT_MESSAGES)).isEqualTo(10 * 10 + 80 + 40);
    }

    @Test
    void a_running_spike_is_followed_up_once_while_it_runs_and_once_when_reported_not_on_every_batch() {
        List<Instant> heard = new ArrayList<>();
        IngestChat following = new IngestChat(streams, analytics, clock, (spiked, start, hotUntil) -> heard.add(start));
        Instant start = stream.startedAt();
        for (int second = 0; second < 15 * 60; second += 10) { // a batch every 10 s, the burst in minute 10–12
            int perBatch = second >= 600 && second < 720 ? 20 : 2;
            List<ChatMessage> batch = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
                batch.add(new ChatMessage(start.plusSeconds(second).plusMillis(10_000L * i / perBatch), "PogChamp"));
            }
            clock.set(start.plusSeconds(second + 10));
            following.execute(ada, stream.id(), batch).orElseThrow();
        }

        List<ChatSpike> reported = spikes.ofStream(ada, stream.id(), PageQuery.firstPage()).orElseThrow().items();
        assertThat(reported).hasSize(1);
        assertThat(heard).hasSize(2).containsOnly(reported.get(0).start());
    }

    @Test
    void ending_the_stream_stores_the_spike_still_going() {
        Instant start = stream.startedAt();
        feedMinutes(start, 0, 10, 10);
        feedMinutes(start, 10, 11, 100);

        Stream ended = end.execute(ada, stream.id()).orElseThrow();

        assertThat(ended.state()).isEqualTo(StreamState.ENDED);
        assertThat(spikes.ofStream(ada, stream.id(), PageQuery.firstPage()).orElseThrow().items()).hasSize(1);
        assertThat(ingest.execute(ada, stream.id(), List.of(ChatMessage.at(clock.instant()))))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.message()).contains("ended"));
    }

    @Test
    void a_steady_chat_has_no_spike() {
        feedMinutes(stream.startedAt(), 0, 30, 20);

        assertThat(spikes.ofStream(ada, stream.id(), PageQuery.firstPage()).orElseThrow().items()).isEmpty();
        assertThat(streams.find(ada, stream.id()).orElseThrow().messageCount()).isEqualTo(30 * 20);
    }

    @Test
    void messages_dated_in_the_future_or_too_many_at_once_are_refused() {
        assertThat(ingest.execute(ada, stream.id(), List.of(ChatMessage.at(clock.instant().plus(Duration.ofHours(1))))))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.message()).contains("future"));
        List<ChatMessage> flood = new ArrayList<>();
        for (int i = 0; i <= IngestChat.MAX_BATCH; i++) {
            flood.add(ChatMessage.at(clock.instant()));
        }
        assertThat(ingest.execute(ada, stream.id(), flood)).isInstanceOf(Outcome.Rejected.class);
        assertThat(streams.find(ada, stream.id()).orElseThrow().messageCount()).isZero();
    }

    @Test
    void another_creator_cannot_feed_or_read_the_stream() {
        CreatorId mallory = Fixtures.creatorId();

        assertThat(ingest.execute(mallory, stream.id(), List.of(ChatMessage.at(clock.instant()))))
                .isInstanceOf(Outcome.NotFound.class);
        assertThat(spikes.ofStream(mallory, stream.id(), PageQuery.firstPage())).isInstanceOf(Outcome.NotFound.class);
    }

    /** Sends one batch per minute, {@code perMinute} messages spread evenly, with the clock following. */
    private void feedMinutes(Instant start, int fromMinute, int toMinute, int perMinute) {
        for (int minute = fromMinute; minute < toMinute; minute++) {
            List<ChatMessage> batch = new ArrayList<>();
            Instant minuteStart = start.plus(Duration.ofMinutes(minute));
            for (int i = 0; i < perMinute; i++) {
                batch.add(new ChatMessage(minuteStart.plusMillis(60_000L * i / perMinute), "PogChamp"));
            }
            clock.set(minuteStart.plus(Duration.ofMinutes(1)));
            ingest.execute(ada, stream.id(), batch).orElseThrow();
        }
    }
}
