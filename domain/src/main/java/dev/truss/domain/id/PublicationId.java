package dev.truss.domain.id;

/** Identifies a publication; sorts by creation time. */
public record PublicationId(Ulid ulid) implements EntityId {

    public PublicationId {
        java.util.Objects.requireNonNull(ulid, "publication id");
    }

    /** Parses a publication id given by a user or read from storage. */
    public static PublicationId parse(String text) {
        return new PublicationId(EntityId.parse("publication", text));
    }

    @Override
    public String toString() {
        return ulid.value();
    }
}
