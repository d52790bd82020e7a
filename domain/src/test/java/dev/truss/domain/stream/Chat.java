package dev.truss.domain.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds synthetic chats for tests: evenly spaced messages, so any spike is the test's intent, not luck. */
final class Chat {

    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");

    private final List<ChatMessage> messages = new ArrayList<>();

    static Chat chat() {
        return new Chat();
    }

    /** {@code perMinute} messages a minute, evenly spaced, from {@code from} for {@code length}. */
    Chat steady(Duration from, Duration length, double perMinute) {
        double gapMillis = 60_000 / perMinute;
        for (double at = 0; at < length.toMillis(); at += gapMillis) {
            add(from.plusMillis(Math.round(at)), "");
        }
        return this;
    }

    /** {@code count} messages spread evenly over one 5-second bucket starting at {@code at}. */
    Chat bucketOf(Duration at, int count) {
        for (int i = 0; i < count; i++) {
            add(at.plusMillis(5_000L * i / count), "");
        }
        return this;
    }

    Chat add(Duration at, String text) {
        messages.add(new ChatMessage(T0.plus(at), text));
        return this;
    }

    List<ChatMessage> inOrder() {
        List<ChatMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(ChatMessage::at));
        return sorted;
    }

    static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    static Duration sec(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
