package dev.truss.application.port.storage;

/**
 * What a conditional write did. Stores never overwrite blindly: a create meets an existing
 * item, an update meets a newer version or a deleted item, and each is told apart.
 */
public sealed interface WriteResult<T> {

    /**
     * Written; {@code value} is what is stored now. A create stores the entity exactly as given
     * (a new entity has version 0); an update stores it with the version it read plus one.
     */
    record Written<T>(T value) implements WriteResult<T> {
    }

    /** A create found the item already there; {@code existing} is what is stored. */
    record AlreadyExists<T>(T existing) implements WriteResult<T> {
    }

    /** An update found a version other than the one it read: someone else wrote first. */
    record VersionConflict<T>() implements WriteResult<T> {
    }

    /** An update or delete found no item. */
    record Missing<T>() implements WriteResult<T> {
    }
}
