package dev.truss.adapters.dynamodb;

import dev.truss.singletable.TableUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;

/** The exception for a request that failed: which operation, table, region and endpoint, and the SDK's reason. */
final class Unavailable {

    private Unavailable() {
    }

    static TableUnavailableException because(SdkException e, String operation, String tableName,
                                             DynamoDbClient client) {
        // The SDK's messages give the status, error code and request id, never the credentials.
        return new TableUnavailableException(
                "DynamoDB " + operation + " on table " + tableName + where(client) + " failed: " + e.getMessage(), e);
    }

    private static String where(DynamoDbClient client) {
        DynamoDbServiceClientConfiguration configuration = client.serviceClientConfiguration();
        if (configuration == null) {
            return "";
        }
        return " (" + configuration.region()
                + configuration.endpointOverride().map(endpoint -> " at " + endpoint).orElse("") + ")";
    }
}
