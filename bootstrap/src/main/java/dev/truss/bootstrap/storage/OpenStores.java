package dev.truss.bootstrap.storage;

import dev.truss.adapters.dynamodb.DynamoDbClientFactory;
import dev.truss.adapters.dynamodb.DynamoDbTable;
import dev.truss.adapters.sqlite.SqliteSettings;
import dev.truss.adapters.sqlite.SqliteTable;
import dev.truss.application.TrussCore;
import dev.truss.singletable.Table;
import dev.truss.singletable.stores.SingleTableStores;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Every store of the core on the chosen table; closing releases the file or the HTTP client. */
public final class OpenStores implements AutoCloseable {

    private final TrussCore.Stores stores;
    private final Table table;
    private final AutoCloseable backend;

    private OpenStores(TrussCore.Stores stores, Table table, AutoCloseable backend) {
        this.stores = stores;
        this.table = table;
        this.backend = backend;
    }

    public static OpenStores open(StoreChoice choice) {
        if (choice instanceof StoreChoice.DynamoDb dynamoDb) {
            DynamoDbClient client = DynamoDbClientFactory.of(dynamoDb.settings()).create();
            DynamoDbTable table = new DynamoDbTable(client, dynamoDb.settings().tableName());
            return new OpenStores(SingleTableStores.on(table, choice.clipShards()), table, client);
        }
        StoreChoice.Embedded embedded = (StoreChoice.Embedded) choice;
        SqliteTable table = SqliteTable.open(SqliteSettings.in(embedded.directory()));
        return new OpenStores(SingleTableStores.on(table, choice.clipShards()), table, table);
    }

    public TrussCore.Stores stores() {
        return stores;
    }

    /** The table itself, for what lives in it beside the stores (the job queue). */
    public Table table() {
        return table;
    }

    @Override
    public void close() throws Exception {
        backend.close();
    }
}
