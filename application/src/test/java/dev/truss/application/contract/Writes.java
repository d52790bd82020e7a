package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.storage.WriteResult;

/** Reads the outcome of a write, failing the test when it is not the expected kind. */
public final class Writes {

    private Writes() {
    }

    public static <T> T written(WriteResult<T> result) {
        assertThat(result).as("write result").isInstanceOf(WriteResult.Written.class);
        return ((WriteResult.Written<T>) result).value();
    }

    public static <T> T alreadyExisting(WriteResult<T> result) {
        assertThat(result).as("write result").isInstanceOf(WriteResult.AlreadyExists.class);
        return ((WriteResult.AlreadyExists<T>) result).existing();
    }
}
