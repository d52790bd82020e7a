package dev.truss.domain.stream;

import static dev.truss.domain.stream.Chat.T0;
import static dev.truss.domain.stream.Chat.chat;
import static dev.truss.domain.stream.Chat.min;
import static dev.truss.domain.stream.Chat.sec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.truss.domain.id.StreamId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatSpikeDetectorTest {

    static final StreamId STREAM = StreamId.parse("01JNQ7Z8X9V4T3S2R1Q0P9N8M7");
    static final ChatSpikeSettings SETTINGS = ChatSpikeSettings.defaults();

    static List<ChatSpike> detect(List<ChatMessage> messages, Duration streamEnd) {
        ChatSpikeDetector detector = ChatSpikeDetector.start(STREAM, SETTINGS);
        List<ChatSpike> spikes = new ArrayList<>(detector.acceptAll(messages));
        spikes.addAll(detector.closeAt(T0.plus(streamEnd)));
        return spikes;
    }

    /** 12 a minute (one per bucket), then a minute at 60 a minute whose seventh bucket is busiest. */
    static Chat steadyWithBurstAt(Chat chat, Duration burst) {
        for (int bucket = 0; bucket < 12; bucket++) {
            chat.bucketOf(burst.plusSeconds(5L * bucket), bucket == 6 ? 8 : 5);
        }
        return chat;
    }

    @Test
    void a_steady_chat_has_no_spikes() {
        assertThat(detect(chat().steady(min(0), min(60), 12).inOrder(), min(60))).isEmpty();
    }

    @Test
    void a_burst_five_times_the_baseline_is_one_spike_with_its_start_peak_and_end() {
        Chat chat = chat().steady(min(0), min(20), 12).steady(min(21), min(10), 12);
        List<ChatSpike> spikes = detect(steadyWithBurstAt(chat, min(20)).inOrder(), min(31));

        assertThat(spikes).singleElement().satisfies(spike -> {
            assertThat(spike.streamId()).isEqualTo(STREAM);
            assertThat(spike.start()).isEqualTo(T0.plus(min(20)));
            assertThat(spike.peak()).isEqualTo(T0.plus(min(20)).plusSeconds(30));
            assertThat(spike.end()).isEqualTo(T0.plus(min(21)));
            assertThat(spike.messageCount()).isEqualTo(12 * 5 + 3);
            assertThat(spike.baselineRatePerMinute()).isCloseTo(12, within(1.0));
            assertThat(spike.peakRatePerMinute()).isCloseTo(66, within(0.001));
            assertThat(spike.intensity()).isBetween(5.0, 6.0);
        });
    }

    @Test
    void the_spike_is_reported_once_the_merge_gap_has_passed_not_before() {
        Chat chat = steadyWithBurstAt(chat().steady(min(0), min(20), 12).steady(min(21), min(10), 12), min(20));
        ChatSpikeDetector detector = ChatSpikeDetector.start(STREAM, SETTINGS);
        List<ChatSpike> beforeEnd = new ArrayList<>();
        List<ChatSpike> afterGap = new ArrayList<>();
        for (ChatMessage message : chat.inOrder()) {
            boolean withinGap = message.at().isBefore(T0.plus(min(21)).plus(SETTINGS.mergeGap()));
            (withinGap ? beforeEnd : afterGap).addAll(detector.accept(message.at(), message.text()));
        }
        assertThat(beforeEnd).isEmpty();
        assertThat(afterGap).hasSize(1);
    }

    @Test
    void a_spike_is_seen_running_from_its_first_hot_window_with_the_start_it_is_later_reported_with() {
        Chat chat = steadyWithBurstAt(chat().steady(min(0), min(20), 12).steady(min(21), min(10), 12), min(20));
        ChatSpikeDetector detector = ChatSpikeDetector.start(STREAM, SETTINGS);
        List<ChatSpikeState.RunningSpike> seen = new ArrayList<>();
        List<ChatSpike> reported = new ArrayList<>();
        for (ChatMessage message : chat.inOrder()) {
            reported.addAll(detector.accept(message.at(), message.text()));
            detector.state().runningSpike().filter(running -> reported.isEmpty()).ifPresent(seen::add);
        }

        assertThat(reported).hasSize(1);
        assertThat(seen).isNotEmpty().allSatisfy(running -> {
            assertThat(running.start()).isEqualTo(reported.get(0).start());
            assertThat(running.hotUntil()).isAfter(running.start()).isBeforeOrEqualTo(reported.get(0).end());
        });
        assertThat(seen.get(0).hotUntil()).as("seen while the burst is on, not after")
                .isBeforeOrEqualTo(T0.plus(min(21)));
        assertThat(ChatSpikeDetector.start(STREAM, SETTINGS).state().runningSpike()).isEmpty();
    }

    @Test
    void two_bursts_close_together_merge_into_one_spike() {
        Chat chat = chat().steady(min(0), min(20), 12).steady(min(20).plusSeconds(30), sec(20), 12)
                .steady(min(21).plusSeconds(20), min(10), 12);
        for (int bucket = 0; bucket < 6; bucket++) {
            chat.bucketOf(min(20).plusSeconds(5L * bucket), 5);
            chat.bucketOf(min(20).plusSeconds(50 + 5L * bucket), 5);
        }
        assertThat(detect(chat.inOrder(), min(31))).singleElement().satisfies(spike -> {
            assertThat(spike.start()).isEqualTo(T0.plus(min(20)));
            assertThat(spike.end()).isEqualTo(T0.plus(min(20)).plusSeconds(80));
            assertThat(spike.messageCount()).isEqualTo(2 * 6 * 5 + 4);
        });
    }

    @Test
    void two_bursts_minutes_apart_are_two_spikes() {
        Chat chat = chat().steady(min(0), min(20), 12).steady(min(21), min(4), 12).steady(min(26), min(10), 12);
        steadyWithBurstAt(steadyWithBurstAt(chat, min(20)), min(25));
        List<ChatSpike> spikes = detect(chat.inOrder(), min(36));

        assertThat(spikes).extracting(ChatSpike::start).containsExactly(T0.plus(min(20)), T0.plus(min(25)));
    }

    @Test
    void a_spike_barely_drags_the_baseline_up() {
        Chat chat = chat().steady(min(0), min(20), 12).steady(min(21), min(4), 12).steady(min(26), min(10), 12);
        List<ChatSpike> spikes = detect(steadyWithBurstAt(steadyWithBurstAt(chat, min(20)), min(25)).inOrder(), min(36));

        assertThat(spikes).hasSize(2);
        double before = spikes.get(0).baselineRatePerMinute();
        assertThat(spikes.get(1).baselineRatePerMinute()).isBetween(before, 1.08 * before);
    }

    @Test
    void a_slowly_doubling_audience_over_an_hour_is_no_spike() {
        Chat chat = chat();
        // Rate 10·2^(t / 60 min) a minute: the i-th message is sent when the integral reaches i.
        double perMinuteAtStart = 10;
        double lnTwoPerMinute = Math.log(2) / 60;
        for (int i = 0; ; i++) {
            double minutes = Math.log1p(i * lnTwoPerMinute / perMinuteAtStart) / lnTwoPerMinute;
            if (minutes >= 120) {
                break;
            }
            chat.add(Duration.ofMillis(Math.round(minutes * 60_000)), "");
        }
        assertThat(detect(chat.inOrder(), min(120))).isEmpty();
    }

    @Test
    void a_one_bucket_blip_in_a_two_messages_a_minute_chat_is_no_spike() {
        Chat chat = chat().steady(min(0), min(20), 2).bucketOf(min(10).plusSeconds(10), 10);
        assertThat(detect(chat.inOrder(), min(20))).isEmpty();
    }

    @Test
    void the_same_chat_lasting_twenty_seconds_is_a_spike() {
        Chat chat = chat().steady(min(0), min(20), 2);
        for (int bucket = 0; bucket < 4; bucket++) {
            chat.bucketOf(min(10).plusSeconds(10 + 5L * bucket), 5);
        }
        assertThat(detect(chat.inOrder(), min(20))).hasSize(1);
    }

    @Test
    void a_burst_right_at_cold_start_is_greetings_and_later_spikes_are_still_found() {
        Chat chat = chat().steady(min(0), min(1), 60).steady(min(1), min(14), 12).steady(min(16), min(10), 12);
        List<ChatSpike> spikes = detect(steadyWithBurstAt(chat, min(15)).inOrder(), min(26));

        assertThat(spikes).singleElement()
                .satisfies(spike -> assertThat(spike.start()).isEqualTo(T0.plus(min(15))));
    }

    @Test
    void a_quiet_streams_first_burst_is_judged_against_the_baseline_floor() {
        Chat chat = chat().steady(min(0), min(5), 1).steady(min(6), min(5), 1);
        for (int bucket = 0; bucket < 8; bucket++) {
            chat.bucketOf(min(5).plusSeconds(5L * bucket), 3);
        }
        assertThat(detect(chat.inOrder(), min(11))).singleElement().satisfies(spike -> {
            assertThat(spike.baselineRatePerMinute()).isEqualTo(SETTINGS.baselineFloorPerMinute());
            assertThat(spike.intensity()).isCloseTo(36.0 / 3, within(0.001));
        });
    }

    @Test
    void persisted_and_resumed_state_gives_identical_spikes_to_an_uninterrupted_run() {
        Chat chat = chat().steady(min(0), min(20), 12).steady(min(21), min(4), 12).steady(min(26), min(10), 12);
        List<ChatMessage> messages = steadyWithBurstAt(steadyWithBurstAt(chat, min(20)), min(25)).inOrder();

        List<ChatSpike> resumedEveryFifty = new ArrayList<>();
        ChatSpikeState persisted = ChatSpikeDetector.start(STREAM, SETTINGS).state();
        for (int from = 0; from < messages.size(); from += 50) {
            ChatSpikeDetector detector = ChatSpikeDetector.resume(persisted);
            resumedEveryFifty.addAll(detector.acceptAll(messages.subList(from, Math.min(from + 50, messages.size()))));
            persisted = detector.state();
        }
        resumedEveryFifty.addAll(ChatSpikeDetector.resume(persisted).closeAt(T0.plus(min(36))));

        assertThat(resumedEveryFifty).hasSize(2).isEqualTo(detect(messages, min(36)));
    }

    @Test
    void a_message_within_the_allowed_lateness_counts_and_an_older_one_is_dropped() {
        ChatSpikeDetector detector = ChatSpikeDetector.start(STREAM, SETTINGS);
        detector.accept(T0.plusSeconds(60), "");
        detector.accept(T0.plusSeconds(52), "");
        detector.accept(T0.plusSeconds(40), "");

        assertThat(detector.state().acceptedMessages()).isEqualTo(2);
        assertThat(detector.state().lateMessagesDropped()).isEqualTo(1);
    }

    @Test
    void a_spike_still_going_when_the_stream_ends_is_reported_at_close() {
        Chat chat = chat().steady(min(0), min(20), 12);
        for (int bucket = 0; bucket < 12; bucket++) {
            chat.bucketOf(min(20).plusSeconds(5L * bucket), 5);
        }
        List<ChatSpike> spikes = detect(chat.inOrder(), min(21));

        assertThat(spikes).singleElement().satisfies(spike -> assertThat(spike.end()).isEqualTo(T0.plus(min(21))));
    }

    @Test
    void excited_messages_make_a_burst_of_the_same_size_more_intense() {
        Chat plain = chat().steady(min(0), min(20), 12).steady(min(21), min(5), 12);
        Chat excited = chat().steady(min(0), min(20), 12).steady(min(21), min(5), 12);
        for (int i = 0; i < 48; i++) {
            plain.add(min(20).plusMillis(1_250L * i), "nice");
            excited.add(min(20).plusMillis(1_250L * i), "CLIP IT!!!");
        }
        ChatSpike plainSpike = detect(plain.inOrder(), min(26)).get(0);
        ChatSpike excitedSpike = detect(excited.inOrder(), min(26)).get(0);

        assertThat(excitedSpike.messageCount()).isEqualTo(plainSpike.messageCount());
        assertThat(excitedSpike.intensity()).isGreaterThan(1.8 * plainSpike.intensity());
    }

    @Test
    void when_the_chat_falls_silent_advancing_time_reports_the_finished_spike() {
        Chat chat = steadyWithBurstAt(chat().steady(min(0), min(20), 12), min(20));
        ChatSpikeDetector detector = ChatSpikeDetector.start(STREAM, SETTINGS);

        assertThat(detector.acceptAll(chat.inOrder())).isEmpty();
        assertThat(detector.advanceTo(T0.plus(min(21)))).isEmpty();
        // Reported 65 s after its end: merge gap 30 s, a merging burst's reach back 20 s, lateness 15 s.
        assertThat(detector.advanceTo(T0.plus(min(22)).plusSeconds(4))).isEmpty();
        assertThat(detector.advanceTo(T0.plus(min(22)).plusSeconds(5))).singleElement()
                .satisfies(spike -> assertThat(spike.end()).isEqualTo(T0.plus(min(21))));
    }
}
