package dev.truss.adapters.dynamodb;

import dev.truss.singletable.Table;
import dev.truss.singletable.TableContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Table contract against dynalite, on one fresh table that the tests share (each uses its own partitions). */
class DynamoDbTableTest extends TableContract {

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
    protected Table table() {
        return table;
    }
}
