package dev.truss.adapters.dynamodb;

import dev.truss.singletable.Table;
import dev.truss.singletable.stores.SingleTableStoresContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every storage contract of the application on DynamoDB (dynalite). Tests share one table:
 * each works with ids of its own, so the table is as good as empty for each.
 */
class DynamoDbStoresTest extends SingleTableStoresContract {

    private static DynamoDbClient client;
    private static DynamoDbTable table;

    @BeforeAll
    static void freshTable() {
        DynamoDbSettings settings = Dynalite.freshTable();
        client = Dynalite.clients(settings).create();
        table = new DynamoDbTable(client, settings.tableName());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Override
    protected Table emptyTable() {
        return table;
    }
}
