package dev.truss.application.common;

import dev.truss.application.port.storage.WriteResult;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Applies a change to a versioned record, reading it again and reapplying the change when
 * another writer got there first. For changes that stay right whatever the other writer did
 * (a job's progress, a publication's state); edits by people are refused on conflict instead.
 */
public final class ReadModifyWrite {

    private static final int ATTEMPTS = 5;

    private ReadModifyWrite() {
    }

    /** The record as written, or empty when it is gone (or kept losing races, which means a bug). */
    public static <T> Optional<T> apply(Supplier<Optional<T>> read, UnaryOperator<T> change,
                                        Function<T, WriteResult<T>> write) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<T> current = read.get();
            if (current.isEmpty()) {
                return Optional.empty();
            }
            if (write.apply(change.apply(current.get())) instanceof WriteResult.Written<T> written) {
                return Optional.of(written.value());
            }
        }
        throw new IllegalStateException("lost " + ATTEMPTS + " races in a row to change " + read.get().orElse(null));
    }
}
