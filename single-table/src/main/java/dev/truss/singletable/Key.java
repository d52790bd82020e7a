package dev.truss.singletable;

import java.util.Objects;

/** Where an item lives: its partition key and, inside the partition, its sort key. */
public record Key(String pk, String sk) {

    public Key {
        requireKeyPart("partition key", pk);
        requireKeyPart("sort key", sk);
    }

    static void requireKeyPart(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
