package dev.truss.domain.id;

/** Identifies a creator; sorts by creation time. */
public record CreatorId(Ulid ulid) implements EntityId {

    public CreatorId {
        java.util.Objects.requireNonNull(ulid, "creator id");
    }

    /** Parses a creator id given by a user or read from storage. */
    public static CreatorId parse(String text) {
        return new CreatorId(EntityId.parse("creator", text));
    }

    @Override
    public String toString() {
        return ulid.value();
    }
}
