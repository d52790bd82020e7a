package dev.truss.adapters.dynamodb;

import dev.truss.singletable.Table;
import dev.truss.singletable.stores.AccessPatternsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The brief's access patterns, counted where it matters: HTTP requests leaving the SDK. */
class DynamoDbAccessPatternsTest extends AccessPatternsContract {

    private static final RequestCounter REQUESTS = new RequestCounter();
    private static DynamoDbClient client;
    private static DynamoDbTable table;

    @BeforeAll
    static void freshTable() {
        DynamoDbSettings settings = Dynalite.freshTable();
        client = Dynalite.clients(settings).withRequestCounter(REQUESTS).create();
        table = new DynamoDbTable(client, settings.tableName());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Override
    protected Table table() {
        return table;
    }

    @Override
    protected long requests() {
        return REQUESTS.total();
    }
}
