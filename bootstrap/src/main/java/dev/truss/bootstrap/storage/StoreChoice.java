package dev.truss.bootstrap.storage;

import dev.truss.adapters.dynamodb.DynamoDbSettings;
import java.nio.file.Path;
import java.util.Objects;

/** Where Truss keeps its table: a SQLite file on this machine (the default), or DynamoDB. */
public sealed interface StoreChoice {

    /** How many partitions a creator's clips are spread over; fixed for a table's life. */
    int clipShards();

    record Embedded(Path directory, int clipShards) implements StoreChoice {
        public Embedded {
            Objects.requireNonNull(directory, "directory");
            requirePositive(clipShards);
        }
    }

    record DynamoDb(DynamoDbSettings settings, int clipShards) implements StoreChoice {
        public DynamoDb {
            Objects.requireNonNull(settings, "settings");
            requirePositive(clipShards);
        }
    }

    /** The embedded default: {@code $TRUSS_DATA_DIR}, else {@code ~/.truss}, clips unsharded. */
    static StoreChoice embeddedDefault() {
        String configured = System.getenv("TRUSS_DATA_DIR");
        Path directory = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".truss");
        return new Embedded(directory, 1);
    }

    private static void requirePositive(int clipShards) {
        if (clipShards < 1) {
            throw new IllegalArgumentException("clips need at least one shard, got " + clipShards);
        }
    }
}
