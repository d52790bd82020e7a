package dev.truss.domain.id;

/** Identifies a clip; sorts by creation time. */
public record ClipId(Ulid ulid) implements EntityId {

    public ClipId {
        java.util.Objects.requireNonNull(ulid, "clip id");
    }

    /** Parses a clip id given by a user or read from storage. */
    public static ClipId parse(String text) {
        return new ClipId(EntityId.parse("clip", text));
    }

    @Override
    public String toString() {
        return ulid.value();
    }
}
