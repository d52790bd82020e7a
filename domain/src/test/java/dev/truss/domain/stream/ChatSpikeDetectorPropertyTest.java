package dev.truss.domain.stream;

import static dev.truss.domain.stream.Chat.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.domain.id.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ChatSpikeDetectorPropertyTest {

    static final StreamId STREAM = StreamId.parse("01JNQ7Z8X9V4T3S2R1Q0P9N8M7");
    static final ChatSpikeSettings SETTINGS = ChatSpikeSettings.defaults();
    static final List<String> TEXTS = List.of("", "nice", "lol", "CLIP IT!!!", "noooo");

    /** A chat of segments, each some buckets long at its own per-bucket count: steps, bursts, lulls. */
    @Provide
    Arbitrary<List<ChatMessage>> chats() {
        Arbitrary<int[]> segment = Combinators.combine(
                        Arbitraries.integers().between(1, 60),
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.integers().between(0, TEXTS.size() - 1))
                .as((buckets, perBucket, text) -> new int[] {buckets, perBucket, text});
        return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(40), Arbitraries.integers().between(0, 4_999))
                .as(ChatSpikeDetectorPropertyTest::messages);
    }

    static List<ChatMessage> messages(List<int[]> segments, int offsetMillis) {
        List<ChatMessage> chat = new ArrayList<>();
        long bucket = 0;
        for (int[] segment : segments) {
            for (int b = 0; b < segment[0]; b++, bucket++) {
                for (int m = 0; m < segment[1]; m++) {
                    Instant at = T0.plusMillis(offsetMillis + bucket * 5_000 + 5_000L * m / segment[1]);
                    chat.add(new ChatMessage(at, TEXTS.get((segment[2] + m) % TEXTS.size())));
                }
            }
        }
        return chat;
    }

    static List<ChatSpike> detect(List<ChatMessage> chat) {
        ChatSpikeDetector detector = ChatSpikeDetector.start(STREAM, SETTINGS);
        List<ChatSpike> spikes = new ArrayList<>(detector.acceptAll(chat));
        spikes.addAll(detector.closeAt(endOf(chat)));
        return spikes;
    }

    static Instant endOf(List<ChatMessage> chat) {
        return chat.isEmpty() ? T0 : chat.get(chat.size() - 1).at().plusSeconds(1);
    }

    @Property(tries = 200)
    void a_chat_at_any_constant_rate_has_no_spikes(
            @ForAll @IntRange(min = 100, max = 600_000) int gapMillis,
            @ForAll @IntRange(min = 0, max = 4_999) int offsetMillis) {
        List<ChatMessage> chat = new ArrayList<>();
        for (long at = offsetMillis; at < 45 * 60_000; at += gapMillis) {
            chat.add(ChatMessage.at(T0.plusMillis(at)));
        }
        assertThat(detect(chat)).isEmpty();
    }

    @Property(tries = 300)
    void spikes_are_ordered_apart_by_the_merge_gap_and_at_least_the_minimum_intensity(@ForAll("chats") List<ChatMessage> chat) {
        List<ChatSpike> spikes = detect(chat);
        Statistics.label("has spikes").collect(!spikes.isEmpty());
        Statistics.label("has spikes").coverage(coverage -> coverage.check(true).percentage(p -> p > 20));
        for (ChatSpike spike : spikes) {
            assertThat(spike.start()).isBeforeOrEqualTo(spike.peak());
            assertThat(spike.peak()).isBeforeOrEqualTo(spike.end());
            assertThat(spike.intensity()).isGreaterThanOrEqualTo(SETTINGS.minimumIntensity());
            assertThat(spike.messageCount()).isPositive();
        }
        for (int i = 1; i < spikes.size(); i++) {
            assertThat(spikes.get(i).start()).isAfterOrEqualTo(spikes.get(i - 1).end().plus(SETTINGS.mergeGap()));
        }
    }

    @Property(tries = 300)
    void splitting_the_chat_anywhere_and_resuming_from_state_gives_the_same_spikes(
            @ForAll("chats") List<ChatMessage> chat,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 1000) Integer> cutsPerMille) {
        List<Integer> cuts = new ArrayList<>(cutsPerMille.stream().map(c -> c * chat.size() / 1000).sorted().toList());
        cuts.add(chat.size());
        List<ChatSpike> resumed = new ArrayList<>();
        ChatSpikeState persisted = ChatSpikeDetector.start(STREAM, SETTINGS).state();
        int from = 0;
        for (int cut : cuts) {
            ChatSpikeDetector detector = ChatSpikeDetector.resume(persisted);
            resumed.addAll(detector.acceptAll(chat.subList(from, cut)));
            persisted = detector.state();
            from = cut;
        }
        resumed.addAll(ChatSpikeDetector.resume(persisted).closeAt(endOf(chat)));

        assertThat(resumed).isEqualTo(detect(chat));
    }

    @Property(tries = 100)
    void the_state_has_the_same_size_after_any_number_of_messages(@ForAll("chats") List<ChatMessage> chat) {
        ChatSpikeDetector detector = ChatSpikeDetector.start(STREAM, SETTINGS);
        int ring = detector.state().messagesPerSlot().size();
        for (ChatMessage message : chat) {
            detector.accept(message.at(), message.text());
            assertThat(detector.state().messagesPerSlot()).hasSize(ring);
            assertThat(detector.state().weightPerSlot()).hasSize(ring);
        }
        assertThat(ring).isEqualTo(SETTINGS.ringBuckets());
    }

    @Property(tries = 200)
    void messages_delivered_late_by_less_than_the_allowed_lateness_give_the_same_spikes(
            @ForAll("chats") List<ChatMessage> chat, @ForAll long seed) {
        Random random = new Random(seed);
        long lateness = SETTINGS.allowedLateness().toMillis();
        List<long[]> arrivals = new ArrayList<>();
        for (int i = 0; i < chat.size(); i++) {
            arrivals.add(new long[] {chat.get(i).at().toEpochMilli() + random.nextInt((int) lateness), i});
        }
        arrivals.sort(Comparator.comparingLong((long[] arrival) -> arrival[0]));
        List<ChatMessage> delivered = arrivals.stream().map(arrival -> chat.get((int) arrival[1])).toList();

        ChatSpikeDetector detector = ChatSpikeDetector.start(STREAM, SETTINGS);
        List<ChatSpike> spikes = new ArrayList<>(detector.acceptAll(delivered));
        spikes.addAll(detector.closeAt(endOf(chat)));

        assertThat(detector.state().lateMessagesDropped()).isZero();
        assertThat(spikes).isEqualTo(detect(chat));
    }
}
