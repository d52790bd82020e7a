package dev.truss.domain.id;

/** The id of one entity type. The type keeps an asset id from being passed where a clip id is meant. */
public sealed interface EntityId permits CreatorId, AssetId, ClipId, StreamId, JobId {

    Ulid ulid();

    /** The id as text: 26 characters, URL-safe. */
    default String value() {
        return ulid().value();
    }

    static Ulid parse(String kind, String text) {
        try {
            return Ulid.parse(text);
        } catch (InvalidIdException e) {
            throw new InvalidIdException("not a valid " + kind + " id: " + e.getMessage().substring("not a valid id: ".length()));
        }
    }
}
