package dev.truss.domain.stream;

import java.time.Instant;
import java.util.Objects;

/** One live-chat message as the spike detector sees it: when it was sent and its text ("" if unknown). */
public record ChatMessage(Instant at, String text) {

    public ChatMessage {
        Objects.requireNonNull(at, "sent at");
        Objects.requireNonNull(text, "text (empty when unknown)");
    }

    public static ChatMessage at(Instant at) {
        return new ChatMessage(at, "");
    }
}
