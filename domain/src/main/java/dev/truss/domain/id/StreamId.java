package dev.truss.domain.id;

/** Identifies a stream; sorts by creation time. */
public record StreamId(Ulid ulid) implements EntityId {

    public StreamId {
        java.util.Objects.requireNonNull(ulid, "stream id");
    }

    /** Parses a stream id given by a user or read from storage. */
    public static StreamId parse(String text) {
        return new StreamId(EntityId.parse("stream", text));
    }

    @Override
    public String toString() {
        return ulid.value();
    }
}
