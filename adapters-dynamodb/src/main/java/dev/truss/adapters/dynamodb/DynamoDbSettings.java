package dev.truss.adapters.dynamodb;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the table is: its name, the AWS region and, for a local DynamoDB or a VPC endpoint,
 * an endpoint that replaces the region's.
 */
public record DynamoDbSettings(String tableName, String region, Optional<URI> endpoint) {

    public DynamoDbSettings {
        Objects.requireNonNull(tableName, "table name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        // DynamoDB's own rule, checked here so a typo fails at start-up rather than at the first request.
        if (!tableName.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException("not a DynamoDB table name (3-255 of a-z A-Z 0-9 _ - .): " + tableName);
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
    }

    public static DynamoDbSettings of(String tableName, String region) {
        return new DynamoDbSettings(tableName, region, Optional.empty());
    }

    public DynamoDbSettings withEndpoint(URI newEndpoint) {
        return new DynamoDbSettings(tableName, region, Optional.of(newEndpoint));
    }
}
