package dev.truss.domain.id;

/** Identifies a asset; sorts by creation time. */
public record AssetId(Ulid ulid) implements EntityId {

    public AssetId {
        java.util.Objects.requireNonNull(ulid, "asset id");
    }

    /** Parses a asset id given by a user or read from storage. */
    public static AssetId parse(String text) {
        return new AssetId(EntityId.parse("asset", text));
    }

    @Override
    public String toString() {
        return ulid.value();
    }
}
