package dev.truss.singletable;

/** The attribute names every backend agrees on. */
public final class Attributes {

    /** The table's partition and sort key. */
    public static final String PK = "PK";
    public static final String SK = "SK";

    /** The entity, as JSON (see {@code EntityCodec}). */
    public static final String DATA = "data";

    /** The optimistic-locking counter of an entity that is changed after a read. */
    public static final String VERSION = "version";

    /** When DynamoDB's TTL sweeper may delete the item, in epoch seconds; reads check expiry themselves. */
    public static final String EXPIRES_AT = "expiresAt";

    private Attributes() {
    }

    static boolean isKeyName(String name) {
        return PK.equals(name) || SK.equals(name);
    }
}
